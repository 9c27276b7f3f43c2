package org.claimdesk.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import camundajar.impl.scala.util.Either;

/**
 * The FEEL engine that parses each expression once decides exactly as Camunda's own: every
 * decision table in {@code processes/} is evaluated on both engines with the same inputs, drawn
 * from the values its rules name and the numbers around their bounds.
 */
class ParsedOnceFeelTest {

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+");
  private static final int INPUTS_PER_DECISION = 1_500;

  static Stream<Path> decisionTables() throws IOException {
    return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".dmn")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionTables")
  void everyDecisionTableDecidesAsWithCamundasOwnFeelEngine(Path table) throws IOException {
    DmnEngine camundas = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DefaultDmnEngineConfiguration parsedOnceConfiguration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    parsedOnceConfiguration.setFeelEngineFactory(ParsedOnceFeel.factory(List::of));
    DmnEngine parsedOnce = parsedOnceConfiguration.buildEngine();

    DmnModelInstance model;
    try (InputStream in = Files.newInputStream(table)) {
      model = Dmn.readModelFromStream(in);
    }
    List<DmnDecision> expected = camundas.parseDecisions(model);
    List<DmnDecision> actual = parsedOnce.parseDecisions(model);
    Random random = new Random(42);
    int compared = 0;
    for (int d = 0; d < expected.size(); d++) {
      Map<String, List<Object>> candidates = candidateInputs(model, expected.get(d).getKey());
      for (int i = 0; i < INPUTS_PER_DECISION; i++) {
        Map<String, Object> variables = new HashMap<>();
        candidates.forEach((name, values) -> variables.put(name, values.get(random.nextInt(values.size()))));
        assertThat(outcome(parsedOnce, actual.get(d), variables)).as("%s with %s", expected.get(d).getKey(), variables)
            .isEqualTo(outcome(camundas, expected.get(d), variables));
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(INPUTS_PER_DECISION);
  }

  @Test
  void anExpressionIsParsedOnceAndAFailureIsNotKept() {
    ParsedOnceFeelEngine engine = new ParsedOnceFeelEngine(new FeelEngine.Builder().build());

    Either<FeelEngine.Failure, ParsedExpression> first = engine.parseUnaryTests("<= 7");
    Either<FeelEngine.Failure, ParsedExpression> second = engine.parseUnaryTests("<= 7");
    Either<FeelEngine.Failure, ParsedExpression> broken = engine.parseUnaryTests("<= (");

    assertThat(first.isRight()).isTrue();
    assertThat(second).isSameAs(first);
    assertThat(broken.isLeft()).isTrue();
    assertThat(engine.parseUnaryTests("<= (")).isNotSameAs(broken);
    assertThat(engine.parseExpression("daysSinceOrder + 1")).isSameAs(engine.parseExpression("daysSinceOrder + 1"));
    assertThat(engine.parsedCount()).isEqualTo(2);
  }

  @Test
  void evaluationsShareTheBuiltInFunctionsAndStillFailOneByOne() {
    ParsedOnceFeelEngine engine = new ParsedOnceFeelEngine(new FeelEngine.Builder().build());

    assertThat(ParsedOnceFeelEngine.sharesBuiltinFunctions()).as("this feel-scala has what sharing needs").isTrue();
    assertThat(engine.evalExpression("string length(\"refund\") + abs(-2)", Map.of()).toOption().get()).isEqualTo(8L);
    Either<FeelEngine.Failure, Object> failed = engine.evalExpression("assert(1, false)", Map.of());
    assertThat(failed.isLeft()).isTrue();
    // the failure of one evaluation is not carried into the next
    assertThat(engine.evalExpression("upper case(\"ok\")", Map.of()).toOption().get()).isEqualTo("OK");
  }

  /** What a decision answers for these variables: its result list, or the failure's message. */
  private static Object outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> variables) {
    try {
      return engine.evaluateDecision(decision, variables).getResultList();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /**
   * For each input of the decision (its expression is a variable name): the values its rules name,
   * one they do not, null, and for numbers each bound with its neighbours.
   */
  private static Map<String, List<Object>> candidateInputs(DmnModelInstance model, String decisionKey) {
    org.camunda.bpm.model.dmn.instance.Decision decision = model.getModelElementById(decisionKey);
    org.camunda.bpm.model.dmn.instance.DecisionTable tableElement =
        (org.camunda.bpm.model.dmn.instance.DecisionTable) decision.getExpression();
    List<Input> inputs = new ArrayList<>(tableElement.getInputs());
    Map<String, List<Object>> candidates = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      Input input = inputs.get(i);
      String name = input.getInputExpression().getText().getTextContent().trim();
      String type = input.getInputExpression().getTypeRef();
      Set<Object> values = new LinkedHashSet<>();
      values.add(null);
      int column = i;
      for (org.camunda.bpm.model.dmn.instance.Rule rule : tableElement.getRules()) {
        InputEntry entry = new ArrayList<>(rule.getInputEntries()).get(column);
        String text = entry.getText().getTextContent();
        switch (type) {
          case "string" -> {
            Matcher quoted = QUOTED.matcher(text);
            while (quoted.find()) {
              values.add(quoted.group(1));
            }
            values.add("SOMETHING_ELSE");
          }
          case "integer", "long" -> {
            Matcher number = NUMBER.matcher(text);
            while (number.find()) {
              long bound = Long.parseLong(number.group());
              for (long n = bound - 1; n <= bound + 1; n++) {
                values.add("integer".equals(type) ? (Object) (int) n : (Object) n);
              }
            }
            values.add("integer".equals(type) ? (Object) 0 : (Object) 0L);
          }
          case "boolean" -> {
            values.add(true);
            values.add(false);
          }
          default -> throw new IllegalStateException("No candidates for type " + type + " of " + name);
        }
      }
      candidates.put(name, new ArrayList<>(values));
    }
    return candidates;
  }
}
