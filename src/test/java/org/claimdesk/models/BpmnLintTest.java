package org.claimdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.claimdesk.models.BpmnLint.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** bpmnlint as the running deploy gate runs it: the build's bundle in a sandboxed GraalJS context. */
class BpmnLintTest {

  private static BpmnLint lint;

  @BeforeAll
  static void bundle() {
    lint = BpmnLint.fromClassPath();
  }

  private static String read(String path) throws IOException {
    return Files.readString(Path.of(path));
  }

  @Test
  @DisplayName("every shipped diagram passes, as it does in the build")
  void shippedDiagramsPass() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      List<Path> diagrams = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(diagrams).isNotEmpty();
      for (Path diagram : diagrams) {
        assertThat(lint.lint(Files.readString(diagram))).as(diagram.toString()).isEmpty();
      }
    }
  }

  @Test
  @DisplayName("a flow out of a gateway with no condition fails conditional-flows, which only bpmnlint checks")
  void lintOnlyRule() throws IOException {
    List<Report> reports = lint.lint(read("src/test/resources/quality/lint-only/flow-without-condition.bpmn"));

    assertThat(reports).extracting(Report::rule, Report::elementId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("conditional-flows", "Flow_NotEligible"));
  }

  @Test
  @DisplayName("the Camunda 7.24 compatibility rules run: a process without history TTL fails")
  void camundaCompatibility() throws IOException {
    List<Report> reports = lint.lint(read("src/test/resources/quality/bad/process-without-history-ttl.bpmn"));

    assertThat(reports).extracting(Report::rule).contains("camunda-compat/history-time-to-live");
  }

  @Test
  @DisplayName("what is not BPMN is a parse report, not an exception")
  void notBpmn() {
    assertThat(lint.lint("<nonsense")).extracting(Report::rule).containsExactly("parse");
  }

  @Test
  @DisplayName("a script in a diagram is only text to the linter: linting it runs nothing")
  void scriptIsData() {
    // Were the script run (with host access), System.exit would end this test JVM.
    String xml = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:scriptTask id="Task_Script" name="Script" scriptFormat="javascript">
              <bpmn:script>Java.type('java.lang.System').exit(3)</bpmn:script>
            </bpmn:scriptTask>
          </bpmn:process>
        </bpmn:definitions>""";

    assertThat(lint.lint(xml)).extracting(Report::rule).contains("no-bpmndi", "start-event-required");
  }
}
