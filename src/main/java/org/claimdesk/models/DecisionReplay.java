package org.claimdesk.models;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstanceQuery;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * What-if replay of an edited decision table (issue #23): the edited table is evaluated on exactly
 * the inputs the deployed table saw in its last N decisions (or those of a date range), read from
 * the engine's decision history, and each outcome is compared with the one recorded then.
 *
 * <p>The edited table's input expressions are not evaluated again: each input clause is given the
 * value the same clause (same id) recorded, so a replay does not depend on process variables that
 * have changed or been cleaned up since. A decision cannot be replayed, and is counted apart with
 * the reason, when the edited table has an input clause it did not record, or a clause that reads
 * something else than in the version that decided (expression, type, language or input variable
 * edited). A decision that cannot be replayed counts as a possible change of outcome, for a
 * manager to approve.
 *
 * <p>Outcomes are grouped by the policy rule that decided them: the output named {@code ruleId}
 * (or ending in {@code RuleId}) that every Claimdesk table has, else the matched row's id. The
 * report names cases by their reference only; the decision inputs, customer data, never leave the
 * engine (analysts have no right to read decision history).
 */
public final class DecisionReplay {

  /** Decisions replayed when the analyst does not say how many. */
  public static final int DEFAULT_LAST = 1000;
  /** The most decisions one replay reads. */
  public static final int MAX_LAST = 10_000;
  /** Example cases kept per change of rule. */
  static final int EXAMPLES = 5;
  /** Shown for a decision no row matched. */
  static final String NO_ROW = "(no row)";

  private static final String REPLAY_INPUT = "claimdeskReplayInput";

  /** Which past decisions to replay: the last {@code last}, within {@code from}..{@code to} when given. */
  public record Window(int last, Instant from, Instant to) {
    public Window {
      if (last < 1 || last > MAX_LAST) {
        throw new IllegalArgumentException("last must be between 1 and " + MAX_LAST);
      }
      if (from != null && to != null && from.isAfter(to)) {
        throw new IllegalArgumentException("from must not be after to");
      }
    }

    public static Window lastDecisions() {
      return new Window(DEFAULT_LAST, null, null);
    }
  }

  /** One past case whose outcome the edit changes. */
  public record Example(String caseReference, Instant decidedAt, Map<String, Object> oldOutcome,
      Map<String, Object> newOutcome) {
  }

  /** All changed outcomes that went from one rule to another, with a few example cases. */
  public record Change(String oldRule, String newRule, int cases, List<Example> examples) {
  }

  /** The what-if of one decision: how many were replayed, how many change, per rule. */
  public record Report(String decisionKey, int replayed, int unchanged, int changed, int notReplayable,
      List<String> notReplayableReasons, List<Change> changes) {

    /**
     * Whether the edit changes past outcomes or cannot show that it does not: a decision it cannot
     * replay (a new input, an input that reads something else now) may well decide differently.
     */
    public boolean changesOutcomes() {
      return changed > 0 || notReplayable > 0;
    }
  }

  private final DmnEngine dmnEngine;
  private final HistoryService history;
  private final RepositoryService repository;

  public DecisionReplay(DmnEngine dmnEngine, HistoryService history, RepositoryService repository) {
    this.dmnEngine = dmnEngine;
    this.history = history;
    this.repository = repository;
  }

  /** Replays every decision {@code table} defines that was taken before. */
  public List<Report> replay(byte[] table, Window window) {
    DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(table));
    List<Report> reports = new ArrayList<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (decision.getExpression() instanceof DecisionTable) {
        reports.add(replay(table, decision.getId(), window));
      }
    }
    return reports;
  }

  /** Replays the decision {@code decisionKey} of {@code table} on past decisions of that key. */
  public Report replay(byte[] table, String decisionKey, Window window) {
    DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(table));
    Decision decision = model.getModelElementById(decisionKey);
    if (decision == null || !(decision.getExpression() instanceof DecisionTable decisionTable)) {
      throw new IllegalArgumentException("The table defines no decision table " + decisionKey);
    }
    // Each input reads a variable of its own, given the value its clause recorded.
    Map<String, String> variableOfClause = new LinkedHashMap<>();
    Map<String, String> labelOfClause = new HashMap<>();
    Map<String, String> editedExpressions = inputExpressions(decisionTable);
    int index = 0;
    for (Input input : decisionTable.getInputs()) {
      String variable = REPLAY_INPUT + index++;
      variableOfClause.put(input.getId(), variable);
      labelOfClause.put(input.getId(), input.getLabel() == null ? input.getId() : input.getLabel());
      InputExpression expression = input.getInputExpression();
      Text text = expression.getText();
      if (text == null) {
        text = model.newInstance(Text.class);
        expression.setText(text);
      }
      text.setTextContent(variable);
      expression.setExpressionLanguage(null);
    }
    DmnDecision edited = dmnEngine.parseDecision(decisionKey, model);

    List<HistoricDecisionInstance> past = pastDecisions(decisionKey, window);
    Map<String, String> references = caseReferences(past.stream().map(HistoricDecisionInstance::getProcessInstanceId)
        .filter(Objects::nonNull).collect(Collectors.toSet()));

    int unchanged = 0;
    int notReplayable = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    Map<List<String>, List<Example>> changes = new LinkedHashMap<>();
    Map<List<String>, Integer> counts = new HashMap<>();
    Map<String, Map<String, String>> expressionsOfVersion = new HashMap<>();
    for (HistoricDecisionInstance instance : past) {
      Map<String, String> pastExpressions = expressionsOfVersion.computeIfAbsent(instance.getDecisionDefinitionId(),
          definitionId -> deployedInputExpressions(definitionId, decisionKey));
      String reread = editedExpressions.entrySet().stream()
          .filter(e -> pastExpressions.containsKey(e.getKey()) && !pastExpressions.get(e.getKey()).equals(e.getValue()))
          .map(e -> labelOfClause.get(e.getKey())).findFirst().orElse(null);
      if (reread != null) {
        notReplayable++;
        reasons.merge("input \"" + reread + "\" reads a different expression now: the values recorded do not answer it",
            1, Integer::sum);
        continue;
      }
      Map<String, Object> recorded = new HashMap<>();
      for (HistoricDecisionInputInstance input : instance.getInputs()) {
        recorded.put(input.getClauseId(), input.getValue());
      }
      String missing = variableOfClause.keySet().stream().filter(clause -> !recorded.containsKey(clause))
          .map(labelOfClause::get).findFirst().orElse(null);
      if (missing != null) {
        notReplayable++;
        reasons.merge("input \"" + missing + "\" is new: the past decisions did not record it", 1, Integer::sum);
        continue;
      }
      Map<String, Object> variables = new HashMap<>();
      variableOfClause.forEach((clause, variable) -> variables.put(variable, recorded.get(clause)));
      Map<String, Object> newOutcome;
      try {
        DmnDecisionResult result = dmnEngine.evaluateDecision(edited, variables);
        newOutcome = result.isEmpty() ? Map.of() : new TreeMap<>(result.get(0).getEntryMap());
      } catch (RuntimeException e) {
        notReplayable++;
        reasons.merge("the edited table cannot evaluate it: " + ModelQualityGate.firstLine(e.getMessage()), 1, Integer::sum);
        continue;
      }
      Map<String, Object> oldOutcome = oldOutcome(instance);
      if (sameOutcome(oldOutcome, newOutcome)) {
        unchanged++;
        continue;
      }
      List<String> key = List.of(ruleOf(oldOutcome, firstRuleId(instance)), ruleOf(newOutcome, null));
      counts.merge(key, 1, Integer::sum);
      List<Example> examples = changes.computeIfAbsent(key, k -> new ArrayList<>());
      if (examples.size() < EXAMPLES) {
        examples.add(new Example(references.get(instance.getProcessInstanceId()),
            instance.getEvaluationTime() == null ? null : instance.getEvaluationTime().toInstant(),
            oldOutcome, newOutcome));
      }
    }
    List<Change> changeList = changes.entrySet().stream()
        .map(e -> new Change(e.getKey().get(0), e.getKey().get(1), counts.get(e.getKey()), List.copyOf(e.getValue())))
        .sorted((a, b) -> Integer.compare(b.cases(), a.cases()))
        .toList();
    int changed = changeList.stream().mapToInt(Change::cases).sum();
    List<String> reasonList = reasons.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey()).toList();
    return new Report(decisionKey, past.size(), unchanged, changed, notReplayable, reasonList, changeList);
  }

  /** Per input clause id, what it reads: its expression's language, type and text. */
  private static Map<String, String> inputExpressions(DecisionTable table) {
    Map<String, String> expressions = new HashMap<>();
    for (Input input : table.getInputs()) {
      InputExpression expression = input.getInputExpression();
      String text = expression == null || expression.getText() == null ? ""
          : expression.getText().getTextContent().strip();
      expressions.put(input.getId(), (expression == null ? "" : expression.getExpressionLanguage() + "|"
          + expression.getTypeRef()) + "|" + text + "|" + input.getCamundaInputVariable());
    }
    return expressions;
  }

  /** The input expressions of the deployed version that took a past decision; none if it is gone. */
  private Map<String, String> deployedInputExpressions(String decisionDefinitionId, String decisionKey) {
    if (decisionDefinitionId == null) {
      return Map.of();
    }
    try {
      DmnModelInstance deployed = repository.getDmnModelInstance(decisionDefinitionId);
      Decision decision = deployed.getModelElementById(decisionKey);
      return decision != null && decision.getExpression() instanceof DecisionTable table ? inputExpressions(table)
          : Map.of();
    } catch (RuntimeException e) {
      return Map.of(); // the version was deleted: its clauses are compared by id only
    }
  }

  private List<HistoricDecisionInstance> pastDecisions(String decisionKey, Window window) {
    HistoricDecisionInstanceQuery query = history.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(decisionKey)
        .includeInputs()
        .includeOutputs()
        .disableCustomObjectDeserialization();
    if (window.from() != null) {
      query.evaluatedAfter(Date.from(window.from()));
    }
    if (window.to() != null) {
      query.evaluatedBefore(Date.from(window.to()));
    }
    return query.orderByEvaluationTime().desc().listPage(0, window.last());
  }

  private Map<String, String> caseReferences(Collection<String> processInstanceIds) {
    Map<String, String> references = new HashMap<>();
    List<String> ids = List.copyOf(processInstanceIds);
    for (int from = 0; from < ids.size(); from += 500) {
      Set<String> chunk = Set.copyOf(ids.subList(from, Math.min(ids.size(), from + 500)));
      for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceIds(chunk)
          .list()) {
        references.put(instance.getId(), instance.getBusinessKey());
      }
    }
    return references;
  }

  /** The outputs of the first matched row, as the process read them (hit policy FIRST or UNIQUE). */
  private static Map<String, Object> oldOutcome(HistoricDecisionInstance instance) {
    Map<String, Object> outcome = new TreeMap<>();
    Integer firstRule = null;
    for (HistoricDecisionOutputInstance output : instance.getOutputs()) {
      Integer order = output.getRuleOrder();
      if (firstRule == null) {
        firstRule = order;
      }
      if (Objects.equals(order, firstRule)) {
        outcome.put(output.getVariableName(), output.getValue());
      }
    }
    return outcome;
  }

  private static String firstRuleId(HistoricDecisionInstance instance) {
    return instance.getOutputs().isEmpty() ? null : instance.getOutputs().get(0).getRuleId();
  }

  /** The policy rule an outcome cites ({@code ruleId}, {@code approvalRuleId}, ...), else the row. */
  static String ruleOf(Map<String, Object> outcome, String rowId) {
    if (outcome.isEmpty()) {
      return NO_ROW;
    }
    Object rule = outcome.get("ruleId");
    if (rule == null) {
      rule = outcome.entrySet().stream().filter(e -> e.getKey().endsWith("RuleId")).map(Map.Entry::getValue)
          .filter(Objects::nonNull).findFirst().orElse(null);
    }
    return rule != null ? rule.toString() : rowId != null ? rowId : "(row)";
  }

  /** Equal outputs by name; numbers by value (a long recorded, an integer evaluated). */
  static boolean sameOutcome(Map<String, Object> before, Map<String, Object> after) {
    if (!before.keySet().equals(after.keySet())) {
      return false;
    }
    for (Map.Entry<String, Object> entry : before.entrySet()) {
      Object a = entry.getValue();
      Object b = after.get(entry.getKey());
      if (a instanceof Number x && b instanceof Number y) {
        if (new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) != 0) {
          return false;
        }
      } else if (!Objects.equals(a, b)) {
        return false;
      }
    }
    return true;
  }
}
