package org.claimdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.claimdesk.engine.ModelFile;
import org.claimdesk.models.ModelQualityGate.Resource;
import org.claimdesk.models.ModelQualityGate.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Each decision table's own test cases pass, and a case that is wrong is reported (issue #23). */
class DecisionTestsTest {

  static final Path PROCESSES = Path.of("processes");
  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  final DecisionTests tests = new DecisionTests(DMN);

  static Stream<Path> tables() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  @DisplayName("every table in processes/ has test cases beside it, and they all pass")
  void theShippedTablesPassTheirTests(Path table) throws IOException {
    Path testsFile = Path.of(ModelFile.decisionTestsOf(table.toString()));
    assertThat(testsFile).as("test cases of " + table).exists();
    List<Violation> violations = tests.run(resource(table), resource(testsFile));
    assertThat(violations).as(table + " against " + testsFile).isEmpty();
  }

  @Nested
  @DisplayName("a test file that does not hold")
  class Refusals {

    final Resource table = resource(PROCESSES.resolve("refund-approval.dmn"));

    @Test
    @DisplayName("names the case and the output that differs")
    void aWrongExpectationIsReported() {
      List<Violation> violations = run("""
          {"decision": "refundApproval", "cases": [
            {"name": "a cancellation fee always needs a manager", "inputs":
              {"offerType": "NO_FEE_CANCELLATION", "offerAmountMinor": 100, "isException": false},
             "expected": {"approvalRequired": true}}]}""");
      assertThat(violations).singleElement().satisfies(v -> {
        assertThat(v.rule()).isEqualTo(DecisionTests.RULE);
        assertThat(v.problem()).contains("a cancellation fee always needs a manager", "approvalRequired expected true");
      });
    }

    @Test
    @DisplayName("reports a decision the table does not define")
    void anUnknownDecisionIsReported() {
      assertThat(run("""
          {"decision": "noSuchDecision", "cases": [{"inputs": {}, "expected": null}]}"""))
          .singleElement().satisfies(v -> assertThat(v.problem()).contains("noSuchDecision"));
    }

    @Test
    @DisplayName("reports a file without cases, and one that is not JSON")
    void aMalformedFileIsReported() {
      assertThat(run("{\"decision\": \"refundApproval\", \"cases\": []}")).singleElement()
          .satisfies(v -> assertThat(v.problem()).contains("non-empty \"cases\""));
      assertThat(run("{\"decision\": ")).singleElement()
          .satisfies(v -> assertThat(v.problem()).contains("not valid JSON"));
    }

    @Test
    @DisplayName("reports an output the table does not have")
    void anUnknownOutputIsReported() {
      assertThat(run("""
          {"decision": "refundApproval", "cases": [
            {"name": "x", "inputs": {"offerType": "PARTIAL_REFUND", "offerAmountMinor": 100, "isException": false},
             "expected": {"refundAmount": 100}}]}"""))
          .singleElement().satisfies(v -> assertThat(v.problem()).contains("refundAmount: the table has no such output"));
    }

    private List<Violation> run(String json) {
      return tests.run(table, new Resource("processes/refund-approval.dmn-tests.json",
          json.getBytes(StandardCharsets.UTF_8)));
    }
  }

  static Resource resource(Path file) {
    try {
      return new Resource(file.toString().replace('\\', '/'), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
