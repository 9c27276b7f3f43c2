package org.claimdesk.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.claimdesk.engine.ModelFile;
import org.claimdesk.models.ModelQualityGate.Resource;
import org.claimdesk.models.ModelQualityGate.Violation;

/**
 * A decision table's own test cases, kept beside it as {@code <table>.dmn-tests.json} (issue #23):
 * each case gives the inputs the table's input expressions read and the outputs the one matching
 * row must give ({@code "expected": null} where no row may match). The build runs them on every
 * table in {@code processes/}, and the deployment gate runs them on every table an analyst deploys,
 * with the tests deployed beside it or, when the deployment has none (Camunda Modeler deploys the
 * table alone), the tests of the version deployed last.
 *
 * <pre>{@code
 * { "decision": "refundEligibility",
 *   "cases": [ { "name": "RF-9: the strict profile refuses every purchase",
 *                "inputs":   { "policyProfile": "strict", "reason": "NOT_DELIVERED", ... },
 *                "expected": { "verdict": "REFUSE", "ruleId": "RF-9", "evidenceRequired": false } } ] }
 * }</pre>
 */
public final class DecisionTests {

  /** How the test file of {@code refund-eligibility.dmn} is named: {@code refund-eligibility.dmn-tests.json}. */
  public static final String SUFFIX = ModelFile.DECISION_TESTS_SUFFIX;
  /** The rule a failing or missing test case is reported under. */
  public static final String RULE = "dmn-test";

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final DmnEngine dmnEngine;

  public DecisionTests(DmnEngine dmnEngine) {
    this.dmnEngine = dmnEngine;
  }

  /** What a test file says it tests, or null when it cannot be read (the run reports why). */
  public static String decisionKeyOf(byte[] tests) {
    try {
      JsonNode decision = JSON.readTree(tests).get("decision");
      return decision != null && decision.isTextual() ? decision.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Runs the cases of {@code tests} against the decision they name in {@code table}: one violation
   * per case that fails, per problem with the file, and none when every case passes.
   */
  public List<Violation> run(Resource table, Resource tests) {
    List<Violation> violations = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(tests.content());
    } catch (IOException e) {
      violations.add(new Violation(tests.name(), null, RULE, "not valid JSON: " + ModelQualityGate.firstLine(e.getMessage())));
      return violations;
    }
    JsonNode key = root == null ? null : root.get("decision");
    JsonNode cases = root == null ? null : root.get("cases");
    if (key == null || !key.isTextual() || cases == null || !cases.isArray() || cases.isEmpty()) {
      violations.add(new Violation(tests.name(), null, RULE,
          "a test file names its \"decision\" and has a non-empty \"cases\" array"));
      return violations;
    }
    DmnDecision decision;
    try {
      decision = dmnEngine.parseDecision(key.asText(), new ByteArrayInputStream(table.content()));
    } catch (RuntimeException e) {
      violations.add(new Violation(table.name(), key.asText(), RULE, "the tests name decision \"" + key.asText()
          + "\", which " + table.name() + " does not define or which cannot be parsed: " + ModelQualityGate.firstLine(e.getMessage())));
      return violations;
    }
    int index = 0;
    for (JsonNode testCase : cases) {
      index++;
      String name = testCase.path("name").isTextual() ? testCase.get("name").asText() : "case " + index;
      String problem = problem(decision, testCase);
      if (problem != null) {
        violations.add(new Violation(tests.name(), key.asText(), RULE, "\"" + name + "\": " + problem));
      }
    }
    return violations;
  }

  private String problem(DmnDecision decision, JsonNode testCase) {
    JsonNode inputs = testCase.get("inputs");
    if (inputs == null || !inputs.isObject() || !testCase.has("expected")) {
      return "a case has an \"inputs\" object and an \"expected\" object (or null)";
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> input = it.next();
      variables.put(input.getKey(), value(input.getValue()));
    }
    DmnDecisionResult result;
    try {
      result = dmnEngine.evaluateDecision(decision, variables);
    } catch (RuntimeException e) {
      return "the table cannot evaluate these inputs: " + ModelQualityGate.firstLine(e.getMessage());
    }
    JsonNode expected = testCase.get("expected");
    if (expected.isNull()) {
      return result.isEmpty() ? null : "expected no row to match, but one gave " + result.get(0).getEntryMap();
    }
    if (!expected.isObject()) {
      return "\"expected\" is an object of output values, or null";
    }
    if (result.isEmpty()) {
      return "expected " + expected + ", but no row matched";
    }
    if (result.size() > 1) {
      return "expected one row to match, but " + result.size() + " did";
    }
    DmnDecisionResultEntries actual = result.get(0);
    List<String> differences = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> output = it.next();
      if (!actual.containsKey(output.getKey())) {
        differences.add(output.getKey() + ": the table has no such output");
      } else if (!same(output.getValue(), actual.get(output.getKey()))) {
        differences.add(output.getKey() + " expected " + output.getValue() + " but was " + shown(actual.get(output.getKey())));
      }
    }
    return differences.isEmpty() ? null : String.join("; ", differences);
  }

  static Object value(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }

  /** Whether a JSON value equals a decision's output: numbers by value, everything else exactly. */
  static boolean same(JsonNode expected, Object actual) {
    if (expected.isNull()) {
      return actual == null;
    }
    if (actual == null) {
      return false;
    }
    if (expected.isNumber() && actual instanceof Number number) {
      return expected.decimalValue().compareTo(new BigDecimal(number.toString())) == 0;
    }
    if (expected.isBoolean()) {
      return actual instanceof Boolean bool && bool == expected.booleanValue();
    }
    return expected.isTextual() && expected.asText().equals(actual.toString());
  }

  private static String shown(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }
}
