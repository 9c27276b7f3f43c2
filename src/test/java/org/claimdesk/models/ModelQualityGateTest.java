package org.claimdesk.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimdesk.models.ModelQualityGate.BINDING;
import static org.claimdesk.models.ModelQualityGate.DIAGRAM;
import static org.claimdesk.models.ModelQualityGate.DUPLICATE_KEY;
import static org.claimdesk.models.ModelQualityGate.EXECUTABLE_PROCESS;
import static org.claimdesk.models.ModelQualityGate.FORM;
import static org.claimdesk.models.ModelQualityGate.FORM_REF;
import static org.claimdesk.models.ModelQualityGate.HISTORY_TTL;
import static org.claimdesk.models.ModelQualityGate.ID_FORMAT;
import static org.claimdesk.models.ModelQualityGate.ID_GENERATED;
import static org.claimdesk.models.ModelQualityGate.MODEL_CODE;
import static org.claimdesk.models.ModelQualityGate.PARSE;
import static org.claimdesk.models.ModelQualityGate.REFERENCE;
import static org.claimdesk.models.ModelQualityGate.UNEXPECTED_FILE;
import static org.claimdesk.models.ModelQualityGate.USER_TASK_FORM;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.claimdesk.engine.DeploymentPlan;
import org.claimdesk.engine.ModelFile;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.claimdesk.models.ModelQualityGate.Report;
import org.claimdesk.models.ModelQualityGate.Violation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model quality gate (docs/model-quality-gate.md). {@link RealModels} applies it to the
 * analysts' files in {@code processes/} and {@code forms/} and deploys them; the other nested
 * classes prove that each rule catches what it should, on the fixtures under
 * {@code src/test/resources/quality/}: {@code good/} passes everything, each file in {@code bad/}
 * breaks exactly one rule.
 */
@DisplayName("Model quality gate")
class ModelQualityGateTest {

  private static final Logger LOG = LoggerFactory.getLogger(ModelQualityGateTest.class);

  static final Path BASE = projectBaseDir();
  static final Path PROCESSES = BASE.resolve("processes");
  static final Path FORMS = BASE.resolve("forms");
  static final Path GOOD = BASE.resolve("src/test/resources/quality/good");
  static final Path BAD = BASE.resolve("src/test/resources/quality/bad");

  private final ModelQualityGate gate = new ModelQualityGate(BASE);

  // ---------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("the real models in processes/ and forms/")
  @ExtendWith(ProcessEngineExtension.class)
  class RealModels {

    @Test
    @DisplayName("every file meets every rule")
    void everyFileMeetsEveryRule() {
      Report report = gate.checkDirectories(PROCESSES, FORMS);

      LOG.info("processes/ and forms/: {}", report.summary());
      assertThat(report.violations()).as(report.summary()).isEmpty();
    }

    @Test
    @DisplayName("all files deploy together into the engine")
    void allFilesDeployTogether(ProcessEngine engine) throws IOException {
      List<Path> files = modelFiles(PROCESSES, FORMS);
      if (files.isEmpty()) {
        LOG.info("Model deployment: 0 model files under processes/ and forms/ - nothing to deploy yet");
        return;
      }

      String summary = deployAndVerify(engine, BASE, files, deployment -> { });

      LOG.info("Model deployment: {}", summary);
    }

    @Test
    @DisplayName("all files deploy as the application deploys them: one deployment per process, decision, lone form")
    void allFilesDeployAsTheApplicationDoes(ProcessEngine engine) throws IOException {
      List<ModelFile> files = new ArrayList<>();
      for (Path file : modelFiles(PROCESSES, FORMS)) {
        files.add(new ModelFile(BASE.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file)));
      }
      RepositoryService repository = engine.getRepositoryService();
      List<String> deploymentIds = new ArrayList<>();
      try {
        for (DeploymentPlan.Bundle bundle : DeploymentPlan.of(files)) {
          DeploymentBuilder builder = repository.createDeployment().name(bundle.name());
          bundle.files().forEach(f -> builder.addInputStream(f.name(), new ByteArrayInputStream(f.content())));
          String id = builder.deploy().getId();
          deploymentIds.add(id);
          long definitions = switch (bundle.files().get(0).kind()) {
            case BPMN -> repository.createProcessDefinitionQuery().deploymentId(id).count();
            case DMN -> repository.createDecisionDefinitionQuery().deploymentId(id).count();
            case FORM -> repository.getDeploymentResourceNames(id).size();
            case DECISION_TESTS -> throw new AssertionError("test cases travel with their table: " + bundle.name());
          };
          assertThat(definitions).as("definitions made by deployment %s", bundle.name()).isPositive();
        }
        LOG.info("Model deployment as the application does it: {} file(s) in {} deployment(s)", files.size(),
            deploymentIds.size());
      } finally {
        deploymentIds.forEach(id -> repository.deleteDeployment(id, true));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("rules, on the fixtures")
  class Rules {

    @Test
    @DisplayName("the good example (BPMN + DMN + form) passes every rule")
    void goodExamplePasses() {
      Report report = gate.checkDirectories(GOOD.resolve("processes"), GOOD.resolve("forms"));

      assertThat(report.violations()).as(report.summary()).isEmpty();
      assertThat(report.files()).containsExactly(
          "src/test/resources/quality/good/forms/claim-review-example.form",
          "src/test/resources/quality/good/processes/claim-review-example.bpmn",
          "src/test/resources/quality/good/processes/claim-window-example.dmn");
    }

    static Stream<Arguments> badFixtures() {
      return Stream.of(
          arguments("unparseable.bpmn", PARSE, List.of("-")),
          arguments("no-executable-process.bpmn", EXECUTABLE_PROCESS, List.of("-")),
          arguments("process-without-history-ttl.bpmn", HISTORY_TTL, List.of("claim-review-example")),
          arguments("decision-without-history-ttl.dmn", HISTORY_TTL, List.of("claimWindowExample")),
          arguments("task-without-shape.bpmn", DIAGRAM, List.of("Task_ReviewClaim")),
          arguments("flow-without-edge.bpmn", DIAGRAM, List.of("Flow_Reviewed")),
          arguments("elements-without-layout.bpmn", DIAGRAM, List.of("Timer_ReviewDue", "DataObject_Evidence",
              "DataInputAssociation_Evidence", "TextAnnotation_ReviewDue", "Association_ReviewDue")),
          arguments("decision-without-shape.dmn", DIAGRAM, List.of("claimWindowExample")),
          arguments("decision-dmn11-without-dmndi.dmn", DIAGRAM, List.of("claimWindowExample")),
          arguments("generated-ids.bpmn", ID_GENERATED,
              List.of("Activity_0x1abc2", "Gateway_1kd9s2f", "Flow_0ab12cd", "Event_0kx3n1c")),
          arguments("modeler-default-ids.bpmn", ID_GENERATED,
              List.of("Process_1", "StartEvent_1", "UserTask_1", "SequenceFlow_1", "EndEvent_1")),
          arguments("decision-generated-id.dmn", ID_GENERATED, List.of("Decision_0t7pz1x")),
          arguments("form-generated-id.form", ID_GENERATED, List.of("Form_0k2v9qa")),
          arguments("ids-off-convention.bpmn", ID_FORMAT, List.of("ClaimReviewExample", "Task_review_claim",
              "Task_ClaimEligible", "FlowEligible", "End_RefundPaid")),
          arguments("user-task-without-form.bpmn", USER_TASK_FORM, List.of("Task_ReviewClaim")),
          arguments("user-task-with-form-key.bpmn", USER_TASK_FORM, List.of("Task_ReviewClaim")),
          arguments("user-task-form-binding-missing.bpmn", USER_TASK_FORM, List.of("Task_ReviewClaim")),
          arguments("user-task-form-binding-latest.bpmn", USER_TASK_FORM, List.of("Task_ReviewClaim")),
          arguments("form-ref-unknown.bpmn", FORM_REF, List.of("Task_ReviewClaim")),
          arguments("decision-bound-to-deployment.bpmn", BINDING, List.of("Task_CheckWindow")),
          arguments("undefined-references.bpmn", REFERENCE, List.of("Event_CustomerWithdrew", "Event_ClaimRefused")),
          arguments("timer-without-time.bpmn", REFERENCE, List.of("Timer_ReviewDue")),
          arguments("model-code.bpmn", MODEL_CODE, List.of("Task_ReviewClaim", "TimerEventDefinition_ReviewDue",
              "Flow_Eligible", "Task_PayRefund")),
          arguments("not-json.form", PARSE, List.of("-")),
          arguments("form-without-id.form", FORM, List.of("-")),
          arguments("form-without-components.form", FORM, List.of("claim-note")),
          arguments("form-not-default-type.form", FORM, List.of("claim-note")),
          arguments("duplicate-form-id.form", DUPLICATE_KEY, List.of("claim-review-example", "claim-review-example")));
    }

    @ParameterizedTest(name = "{0}: {1} on {2}")
    @MethodSource("badFixtures")
    @DisplayName("each bad fixture breaks exactly its rule, on exactly the expected elements")
    void eachBadFixtureBreaksExactlyItsRule(String fixture, String rule, List<String> elementIds) {
      // Checked with the good form beside it, as it would be deployed: its formRef resolves.
      Report report = gate.checkFiles(withGoodForms(BAD.resolve(fixture)));

      assertThat(report.violations()).as(report.summary()).isNotEmpty()
          .allSatisfy(violation -> assertThat(violation.rule()).as(violation.toString()).isEqualTo(rule));
      assertThat(report.violations()).as(report.summary())
          .extracting(violation -> violation.elementId() == null ? "-" : violation.elementId())
          .containsExactlyInAnyOrderElementsOf(elementIds);
    }

    @Test
    @DisplayName("a violation reads as file: element id: problem [rule]")
    void violationReadsAsFileElementProblem() {
      Report report = gate.checkFiles(withGoodForms(BAD.resolve("task-without-shape.bpmn")));

      assertThat(report.violations()).extracting(Violation::toString).containsExactly(
          "src/test/resources/quality/bad/task-without-shape.bpmn: Task_ReviewClaim: userTask has no BPMNShape"
              + " with bounds: it is not drawn in Camunda Modeler or Cockpit [diagram]");
    }

    @Test
    @DisplayName("a formRef can only name a form of the same set")
    void formRefNeedsTheFormInTheSet() {
      Report report = gate.checkFiles(List.of(GOOD.resolve("processes/claim-review-example.bpmn")));

      assertThat(report.violations()).extracting(Violation::rule).containsExactly(FORM_REF);
      assertThat(report.violations().get(0).problem()).contains("claim-review-example", "the set has no form");
    }

    @Test
    @DisplayName("two files with the same process key are reported, each of them")
    void duplicateProcessKey(@TempDir Path dir) throws IOException {
      Path processes = copyGoodSet(dir).resolve("processes");
      Files.copy(processes.resolve("claim-review-example.bpmn"), processes.resolve("copy.bpmn"));

      Report report = gate.checkDirectories(processes, dir.resolve("forms"));

      assertThat(report.violations()).extracting(Violation::rule).containsOnly(DUPLICATE_KEY).hasSize(2);
      assertThat(report.violations()).extracting(Violation::elementId).containsOnly("claim-review-example");
    }

    @Test
    @DisplayName("a README and hidden files are ignored; any other stray file is reported")
    void strayFilesAreReported(@TempDir Path dir) throws IOException {
      copyGoodSet(dir);
      Files.writeString(dir.resolve("processes/README.md"), "# Processes\n");
      Files.writeString(dir.resolve("processes/.gitkeep"), "");
      Files.writeString(dir.resolve("forms/README.md"), "# Forms\n");
      Files.writeString(dir.resolve("processes/notes.txt"), "not a model\n");
      Files.copy(GOOD.resolve("forms/claim-review-example.form"), dir.resolve("processes/misplaced.form"));
      Files.writeString(dir.resolve("forms/claim-review-example.form.bak"), "{}\n");

      Report report = gate.checkDirectories(dir.resolve("processes"), dir.resolve("forms"));

      assertThat(report.files()).hasSize(3);
      assertThat(report.violations()).extracting(Violation::rule).containsOnly(UNEXPECTED_FILE);
      assertThat(report.violations()).extracting(violation -> Path.of(violation.file()).getFileName().toString())
          .containsExactlyInAnyOrder("notes.txt", "misplaced.form", "claim-review-example.form.bak");
    }

    @Test
    @DisplayName("missing directories check zero files and pass")
    void missingDirectoriesPassVacuously(@TempDir Path dir) {
      Report report = gate.checkDirectories(dir.resolve("processes"), dir.resolve("forms"));

      assertThat(report.files()).isEmpty();
      assertThat(report.passed()).isTrue();
      assertThat(report.summary()).startsWith("Model quality gate: 0 model file(s) checked");
    }

    @Test
    @DisplayName("files in subdirectories are checked too")
    void subdirectoriesAreChecked(@TempDir Path dir) throws IOException {
      copyGoodSet(dir);
      Files.createDirectories(dir.resolve("processes/refund"));
      Files.copy(BAD.resolve("process-without-history-ttl.bpmn"), dir.resolve("processes/refund/other.bpmn"));

      Report report = gate.checkDirectories(dir.resolve("processes"), dir.resolve("forms"));

      assertThat(report.files()).hasSize(4);
      assertThat(report.rules()).contains(HISTORY_TTL);
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("IDs")
  class Ids {

    @ParameterizedTest
    @ValueSource(strings = {"Activity_0x1abc2", "Gateway_1kd9s2f", "Flow_0ab12cd", "Event_0kx3n1c", "Form_0k2v9qa",
        "ExclusiveGateway_0e2fsn1", "SequenceFlow_0h21x7r", "Task_1hcentk", "StartEvent_1", "UserTask_1", "Task_1",
        "SequenceFlow_12", "Process_1", "EndEvent_2"})
    @DisplayName("Camunda Modeler's generated IDs are recognised")
    void generatedIds(String id) {
      assertThat(ModelQualityGate.isGenerated(id)).isTrue();
      assertThat(ModelQualityGate.elementIdProblem(id, List.of())).startsWith("generated ID");
      assertThat(ModelQualityGate.keyProblem(id)).startsWith("generated ID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Task_ReviewClaim", "Gateway_ClaimEligible", "Flow_Eligible", "Timer_FirstReplyDue",
        "Event_RefundPaid", "Message_CustomerReplied", "Error_OutsideWindow", "Flow_No", "Event_SLA1Breached"})
    @DisplayName("the convention's IDs pass")
    void conventionalIds(String id) {
      assertThat(ModelQualityGate.isGenerated(id)).isFalse();
      assertThat(ModelQualityGate.elementIdProblem(id, List.of())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Task_reviewClaim", "ReviewClaim", "Task-ReviewClaim", "task_ReviewClaim",
        "Task_Review_Claim", "Task_", "_ReviewClaim", "Task_Review Claim"})
    @DisplayName("IDs that are not Prefix_PascalCaseMeaning are reported")
    void unconventionalIds(String id) {
      assertThat(ModelQualityGate.elementIdProblem(id, List.of())).contains("is not Prefix_PascalCaseMeaning");
    }

    @Test
    @DisplayName("the prefix must fit the element type")
    void prefixFitsType() {
      assertThat(ModelQualityGate.elementIdProblem("Gateway_ReviewClaim", List.of("Task")))
          .isEqualTo("ID \"Gateway_ReviewClaim\" should start with Task_, e.g. Task_ReviewClaim");
      assertThat(ModelQualityGate.elementIdProblem("Timer_FirstReplyDue", List.of("Timer", "Event"))).isNull();
      assertThat(ModelQualityGate.elementIdProblem("Event_FirstReplyDue", List.of("Timer", "Event"))).isNull();
      assertThat(ModelQualityGate.elementIdProblem("Timer_RefundPaid", List.of("Event")))
          .startsWith("ID \"Timer_RefundPaid\" should start with Event_");
    }

    @ParameterizedTest
    @ValueSource(strings = {"refund-request", "payment-discrepancy", "wallet-recharge-issue", "review-claim",
        "refund2"})
    @DisplayName("kebab-case process keys and form ids pass")
    void kebabCaseKeys(String key) {
      assertThat(ModelQualityGate.keyProblem(key)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RefundRequest", "refund_request", "refundRequest", "-refund", "refund--request",
        "refund-", "2refund"})
    @DisplayName("process keys and form ids that are not kebab-case are reported")
    void nonKebabCaseKeys(String key) {
      assertThat(ModelQualityGate.keyProblem(key)).contains("is not kebab-case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"refundEligibility", "refundApproval", "cancellationRefund", "discrepancyLiability",
        "claimWindowExample", "sla1"})
    @DisplayName("lowerCamelCase decision keys pass")
    void camelCaseDecisionKeys(String key) {
      assertThat(ModelQualityGate.decisionKeyProblem(key)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"refund-eligibility", "RefundEligibility", "refund_eligibility", "2refund"})
    @DisplayName("decision keys that are not lowerCamelCase are reported")
    void nonCamelCaseDecisionKeys(String key) {
      assertThat(ModelQualityGate.decisionKeyProblem(key)).contains("is not lowerCamelCase");
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("deployment, on the fixtures")
  @ExtendWith(ProcessEngineExtension.class)
  class Deployment {

    @Test
    @DisplayName("the good example deploys: a process, a decision and a form definition, linked")
    void goodExampleDeploys(ProcessEngine engine) throws IOException {
      List<Path> files = modelFiles(GOOD.resolve("processes"), GOOD.resolve("forms"));

      deployAndVerify(engine, GOOD, files, deployment -> {
        // The user task's formRef + deployment binding resolves to the form of the same deployment.
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("claim-review-example");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
          assertThat(new ObjectMapper().readTree(form).get("id").asText()).isEqualTo("claim-review-example");
        } catch (IOException e) {
          fail(e);
        }
        // The decision evaluates (RF-2).
        Object withinWindow = engine.getDecisionService().evaluateDecisionTableByKey("claimWindowExample",
            Variables.putValue("reason", "NOT_DELIVERED").putValue("daysSincePurchase", 3)).getSingleEntry();
        assertThat(withinWindow).isEqualTo(true);
      });
    }

    @Test
    @DisplayName("the engine itself refuses a process without history TTL (camunda.cfg.xml enforces it)")
    void engineRefusesMissingHistoryTtl(ProcessEngine engine) {
      DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
          .addClasspathResource("quality/bad/process-without-history-ttl.bpmn");

      assertThatThrownBy(builder::deploy).hasMessageContaining("ENGINE-12018 History Time To Live");
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("bpmnlint, as the Maven build runs it")
  class Bpmnlint {

    @BeforeAll
    static void nodeAndBpmnlintAreThere() {
      Assumptions.assumeTrue(commandWorks("node", "--version"),
          "node is not installed: the bpmnlint wiring is not tested here (mvn verify needs node and npm)");
      if (!Files.isRegularFile(BASE.resolve("node_modules/bpmnlint/bin/bpmnlint.js"))) {
        fail("bpmnlint is not installed: run `npm ci` in " + BASE + " (mvn runs it before the tests)");
      }
    }

    @Test
    @DisplayName("the good example passes")
    void goodExamplePasses() {
      Run run = run("node", "tools/bpmnlint-processes.mjs", "src/test/resources/quality/good/processes");

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).contains("1 file(s) passed");
    }

    @Test
    @DisplayName("a flow node without diagram layout fails with no-bpmndi")
    void missingLayoutFails() {
      Run run = run("node", "tools/bpmnlint-processes.mjs", "src/test/resources/quality/bad/task-without-shape.bpmn");

      assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
      assertThat(run.output()).contains("Task_ReviewClaim", "no-bpmndi");
    }

    @Test
    @DisplayName("a process without history TTL fails with camunda-compat/history-time-to-live")
    void missingHistoryTtlFails() {
      Run run = run("node", "tools/bpmnlint-processes.mjs",
          "src/test/resources/quality/bad/process-without-history-ttl.bpmn");

      assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
      assertThat(run.output()).contains("claim-review-example", "camunda-compat/history-time-to-live");
    }

    @Test
    @DisplayName("the analysts' command `npx bpmnlint` uses the same configuration")
    void npxBpmnlintUsesTheProjectConfiguration() {
      Run good = run("npx", "--no", "bpmnlint", "src/test/resources/quality/good/processes/claim-review-example.bpmn");
      Run bad = run("npx", "--no", "bpmnlint", "src/test/resources/quality/bad/task-without-shape.bpmn");

      assertThat(good.exitCode()).as(good.output()).isZero();
      assertThat(bad.exitCode()).as(bad.output()).isEqualTo(1);
      assertThat(bad.output()).contains("no-bpmndi");
    }

    @Test
    @DisplayName("no .bpmn file yet: nothing to lint, and the build passes")
    void nothingToLintPasses(@TempDir Path dir) {
      Run run = run("node", "tools/bpmnlint-processes.mjs", dir.toString());

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).contains("nothing to lint");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** The Maven project directory: Surefire sets basedir; an IDE usually runs in it. */
  static Path projectBaseDir() {
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    Path dir = Path.of(basedir).toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("pom.xml")) || !Files.isDirectory(dir.resolve("src/test/resources/quality"))) {
      throw new IllegalStateException("Not the Claimdesk project directory: " + dir
          + " (run the tests from it, or set -Dbasedir)");
    }
    return dir;
  }

  /** The model files as the application deploys them: *.bpmn, *.dmn and *.dmn-tests.json, and *.form. */
  static List<Path> modelFiles(Path processes, Path forms) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(processes, forms)) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form|dmn-tests\\.json)$"))
              .filter(p -> !isHidden(dir, p))
              .sorted()
              .forEach(files::add);
        }
      }
    }
    return files;
  }

  private static boolean isHidden(Path dir, Path file) {
    for (Path part : dir.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> withGoodForms(Path fixture) {
    List<Path> files = new ArrayList<>();
    files.add(fixture);
    files.add(GOOD.resolve("forms/claim-review-example.form"));
    return files;
  }

  private static Path copyGoodSet(Path dir) throws IOException {
    for (String name : List.of("processes/claim-review-example.bpmn", "processes/claim-window-example.dmn",
        "forms/claim-review-example.form")) {
      Files.createDirectories(dir.resolve(name).getParent());
      Files.copy(GOOD.resolve(name), dir.resolve(name));
    }
    return dir;
  }

  /**
   * Deploys the files as one deployment (resource names relative to {@code root}, as on the
   * classpath), checks that the engine made a definition of every process, decision and form,
   * runs {@code whileDeployed}, and deletes the deployment again.
   */
  static String deployAndVerify(ProcessEngine engine, Path root, List<Path> files,
      Consumer<DeploymentWithDefinitions> whileDeployed) throws IOException {
    RepositoryService repository = engine.getRepositoryService();
    DeploymentBuilder builder = repository.createDeployment().name("model-quality-gate");
    Map<String, Path> resources = new TreeMap<>();
    for (Path file : files) {
      String resource = root.relativize(file).toString().replace('\\', '/');
      resources.put(resource, file);
      builder.addInputStream(resource, new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    DeploymentWithDefinitions deployment = builder.deployWithResult();
    try {
      assertThat(repository.getDeploymentResourceNames(deployment.getId()))
          .containsExactlyInAnyOrderElementsOf(resources.keySet());
      List<CamundaFormDefinition> forms = formDefinitions(engine, deployment.getId());
      int processes = 0;
      int decisions = 0;
      for (Map.Entry<String, Path> entry : resources.entrySet()) {
        String resource = entry.getKey();
        Path file = entry.getValue();
        if (resource.endsWith(".bpmn")) {
          List<String> keys = Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class).stream()
              .filter(Process::isExecutable).map(Process::getId).toList();
          assertThat(keysOf(deployment.getDeployedProcessDefinitions(), resource))
              .as("process definitions of %s", resource).isNotEmpty().containsExactlyInAnyOrderElementsOf(keys);
          processes += keys.size();
        } else if (resource.endsWith(".dmn")) {
          List<String> keys = Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class).stream()
              .map(Decision::getId).toList();
          assertThat(keysOf(deployment.getDeployedDecisionDefinitions(), resource))
              .as("decision definitions of %s", resource).isNotEmpty().containsExactlyInAnyOrderElementsOf(keys);
          decisions += keys.size();
        } else if (resource.endsWith(".form")) {
          String id = new ObjectMapper().readTree(file.toFile()).get("id").asText();
          assertThat(keysOf(forms, resource)).as("form definitions of %s", resource).containsExactly(id);
        }
      }
      whileDeployed.accept(deployment);
      return files.size() + " file(s) deployed as one deployment: " + processes + " process definition(s), "
          + decisions + " decision definition(s), " + forms.size() + " form definition(s)";
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  private static List<String> keysOf(List<? extends ResourceDefinition> definitions, String resource) {
    return definitions.stream().filter(d -> resource.equals(d.getResourceName())).map(ResourceDefinition::getKey)
        .toList();
  }

  /** 7.24 has no public query for Camunda Form definitions; the engine's own manager lists them. */
  private static List<CamundaFormDefinition> formDefinitions(ProcessEngine engine, String deploymentId) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context ->
        List.copyOf(context.getCamundaFormDefinitionManager().findDefinitionsByDeploymentId(deploymentId)));
  }

  record Run(int exitCode, String output) {
  }

  private static Run run(String... command) {
    try {
      java.lang.Process process = new ProcessBuilder(command).directory(BASE.toFile()).redirectErrorStream(true)
          .start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("timed out: " + String.join(" ", command));
      }
      return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return fail("cannot run " + Arrays.toString(command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(e);
    }
  }

  private static boolean commandWorks(String... command) {
    try {
      java.lang.Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
