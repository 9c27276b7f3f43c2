package org.claimdesk.quality;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The packages by feature, enforced (issue #21). The four processes ({@code refund},
 * {@code cancellation}, {@code discrepancy}, {@code wallet}) are leaves: none reaches into
 * another, and nothing shared reaches into them. The shared parts ({@code cases},
 * {@code commerce}, {@code payment}, {@code notification}, {@code sla}, ...) depend on each other
 * without cycles. Package-private classes keep each feature's internals to itself already; this
 * keeps the public ones from turning into back doors between features.
 */
class FeatureBoundariesTest {

  static final String[] PROCESSES = {"refund", "cancellation", "discrepancy", "wallet"};

  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.claimdesk");
  }

  @Test
  @DisplayName("no process package depends on another process package")
  void processesDoNotReachIntoEachOther() {
    for (String process : PROCESSES) {
      String[] others = java.util.Arrays.stream(PROCESSES).filter(other -> !other.equals(process))
          .map(other -> "org.claimdesk." + other + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("org.claimdesk." + process + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .because("a process is a feature of its own; what two share belongs in a shared package")
          .check(classes);
    }
  }

  @Test
  @DisplayName("nothing shared depends on a process package (only the demo data may know them)")
  void sharedPartsDoNotKnowTheProcesses() {
    String[] processPackages = java.util.Arrays.stream(PROCESSES).map(p -> "org.claimdesk." + p + "..")
        .toArray(String[]::new);
    noClasses().that().resideOutsideOfPackages(processPackages)
        .and().resideOutsideOfPackage("org.claimdesk.demo..")
        .should().dependOnClassesThat().resideInAnyPackage(processPackages)
        .because("the shared parts serve every process; a new process must not need a change in them")
        .check(classes);
  }

  @Test
  @DisplayName("the top-level packages depend on each other without cycles")
  void noCycles() {
    slices().matching("org.claimdesk.(*)..").should().beFreeOfCycles().check(classes);
  }
}
