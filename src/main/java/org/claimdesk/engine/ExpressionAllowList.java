package org.claimdesk.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The beans, and the members of each, that an expression in a deployed model may reach (issue #20
 * point 1). It lists exactly what the shipped models in {@code processes/} use: the delegates and
 * task listeners by bean name, the members of the tasks beans ({@code walletTasks},
 * {@code discrepancyTasks}: their methods and the typed delegates they hand out), the durations
 * and dates of {@code serviceLevels} and
 * {@code discrepancyTimes}. Everything else - other beans, other methods, reflection, the engine's
 * own objects ({@code execution}, {@code task}) - is refused when a model is parsed, and the
 * engine's bean resolver sees only these beans. A new bean a model needs is added here, in one
 * place, with the reason in its commit; {@code claimdesk.models.allowed-expressions} adds entries
 * for a deployment (the tests' stand-in processes use it), written {@code bean} or {@code bean.member}.
 *
 * <p>Besides beans, an expression may read process variables by name and combine them with the EL
 * operators and literals, and read a business rule task's result as
 * {@code decisionResult.getSingleResult().getEntry('name')}.
 */
public final class ExpressionAllowList {

  /** Beans a model refers to by name only ({@code camunda:delegateExpression}, listeners). */
  private static final List<String> BARE_BEANS = List.of(
      // the first reply (SL-1), shared by every process
      "acknowledgeClaimDelegate", "recordSlaBreachDelegate", "raiseReviewPriorityDelegate", "escalationHandledListener",
      // payout-reconciliation
      "reconcilePayoutsDelegate");

  /**
   * Beans whose members a model reads or calls: timer durations and task dates, and each process's
   * tasks bean: the steps it calls with method expressions
   * ({@code ${refundTasks.remind(caseReference, reminder)}}) where a step only passes variables on,
   * and the steps that are a delegate or task listener themselves
   * ({@code camunda:delegateExpression="${refundTasks.presentOffer}"}), read as a property. A
   * member the model calls is written {@code name()}, one it reads {@code name}; the policy refuses
   * the other use (a delegate called as a method, a method read as a property).
   */
  private static final Map<String, Set<String>> MEMBERS = Map.of(
      // refund-request (RefundTasks): the steps called with variables, then the steps that are a
      // delegate or task listener themselves (they need the execution, the task or the business key)
      "refundTasks", Set.of("requestEvidence()", "remind()", "closeForSilence()", "reply()", "recordAgreement()",
          "askFeedback()",
          "loadClaimFacts", "reviewOpened", "formRules", "presentOffer", "sendRefusal", "refundPayment", "creditWallet",
          "confirmResolution"),
      // subscription-cancellation (CancellationTasks), the same two kinds
      "cancellationTasks", Set.of("restore()", "endAccess()", "loadSubscriptionFacts", "stopBilling", "reviewOpened",
          "formRules", "recordRefundDecision", "refundLastPayment", "confirmCancellation"),
      // payment-discrepancy: its methods, and the typed delegates it hands out (loadPaymentFacts, ...)
      "discrepancyTasks", Set.of("loadPaymentFacts", "answerOutsideWindow()", "acknowledge()", "runChecks",
          "investigationOpened", "investigationRules", "askProcessor", "remindProcessor()", "noteProcessorSilent",
          "recordProcessorAnswer", "askCustomerDetails", "remindCustomer()", "noteCustomerSilent", "resumeWithDetails",
          "recordDecision", "refundPayment", "adjustBalance", "sendResolution", "askSatisfaction",
          "reopenInvestigation", "dissatisfactionReviewRules", "uphold()"),
      // wallet-recharge-issue: its methods, and the typed delegates it hands out (loadFacts, ...)
      "walletTasks", Set.of("loadFacts", "tellCustomerToWait()", "checkCharge", "investigationOpened",
          "investigationFindingRules", "creditWallet", "confirmCredit()", "confirmArrived()", "tellNotPaid"),
      "serviceLevels", Set.of("replyDueDate()", "followUpDate()", "firstReplyFollowUp", "firstReplyDue",
          "customerReminder", "customerSilenceClose", "feedbackWindow", "feedbackAfter"),
      // model-change-approval (org.claimdesk.models.ModelChangeTasks): the manager's decision, the deployment
      "modelChangeTasks", Set.of("recordDecision", "deployApproved"),
      "mailTriage", Set.of("openCase", "dismiss"),
      // take-refund-claim, take-cancellation-claim, take-discrepancy-claim, take-wallet-claim
      // (org.claimdesk.channels.TakenClaims): a support agent files a phone or chat claim from Tasklist
      "takenClaims", Set.of("openRefundCase", "openCancellationCase", "openDiscrepancyCase", "openWalletCase"),
      "discrepancyTimes", Set.of("processorReminder", "processorAnswerDue", "customerDetailsDue", "followUpAfter"));

  /** Marks a member of an extra entry, which may be read or called. */
  private static final String EITHER = "*";

  /** Names the engine puts beside the variables: never reachable from a deployed model. */
  static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
      "variableScope", "processEngine", "processEngineServices", "processEngineConfiguration", "applicationContext",
      "authenticatedUserId", "connector");

  /** Member names that lead to reflection or the engine, refused on any object at evaluation time too. */
  static final Set<String> REFLECTIVE = Set.of("class", "getClass", "forName", "classLoader", "getClassLoader",
      "contextClassLoader", "getContextClassLoader", "declaredMethods", "getDeclaredMethods", "getMethod",
      "getDeclaredMethod", "methods", "getMethods", "newInstance", "invoke", "getRuntime", "exec", "module",
      "getModule", "processEngineServices", "getProcessEngineServices", "processEngine", "getProcessEngine",
      "getProcessEngineConfiguration", "getBean", "applicationContext", "getApplicationContext", "getField",
      "getDeclaredField", "getConstructor", "getDeclaredConstructor", "getConstructors", "getDeclaredConstructors");

  private final Map<String, Set<String>> members;

  private ExpressionAllowList(Map<String, Set<String>> members) {
    this.members = members;
  }

  /** The property that adds entries to the allow-list ({@code bean} or {@code bean.member}). */
  public static final String EXTRA_EXPRESSIONS = "claimdesk.models.allowed-expressions";

  /** What the shipped models use, plus the entries the application is configured with. */
  public static ExpressionAllowList configured(Environment environment) {
    return withExtra(Binder.get(environment).bind(EXTRA_EXPRESSIONS, Bindable.listOf(String.class)).orElse(List.of()));
  }

  /** What the shipped models use. */
  public static ExpressionAllowList shipped() {
    return withExtra(List.of());
  }

  /** What the shipped models use, plus {@code extra} entries ({@code bean} or {@code bean.member}). */
  public static ExpressionAllowList withExtra(Collection<String> extra) {
    Map<String, Set<String>> members = new LinkedHashMap<>();
    BARE_BEANS.forEach(bean -> members.put(bean, new LinkedHashSet<>()));
    MEMBERS.forEach((bean, names) -> members.put(bean, new LinkedHashSet<>(names)));
    for (String entry : extra) {
      String[] parts = entry.strip().split("\\.", 2);
      if (parts[0].isBlank() || ENGINE_OBJECTS.contains(parts[0])
          || (parts.length == 2 && REFLECTIVE.contains(parts[1]))) {
        throw new IllegalArgumentException("Not allowed on the expression allow-list: " + entry);
      }
      Set<String> names = members.computeIfAbsent(parts[0], bean -> new LinkedHashSet<>());
      if (parts.length == 2) {
        names.add(EITHER + parts[1]);
      }
    }
    members.replaceAll((bean, names) -> Collections.unmodifiableSet(names));
    return new ExpressionAllowList(Collections.unmodifiableMap(members));
  }

  /** The beans a model may reach. */
  public Set<String> beans() {
    return members.keySet();
  }

  public boolean isBean(String name) {
    return members.containsKey(name);
  }

  /**
   * Whether a model may read {@code bean.member} as a property ({@code call} false:
   * {@code ${refundTasks.presentOffer}}, a getter) or call it as a method ({@code call} true:
   * {@code ${refundTasks.remind(caseReference, reminder)}}). The shipped list says which: a member
   * called is written {@code name()}; an extra entry {@code bean.member} allows both.
   */
  public boolean allows(String bean, String member, boolean call) {
    Set<String> names = members.get(bean);
    return names != null && (names.contains(call ? member + "()" : member) || names.contains(EITHER + member));
  }
}
