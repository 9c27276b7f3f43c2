package org.claimdesk.cancellation;

import static org.claimdesk.cancellation.CancellationVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.cases.CaseChange;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.PayoutDecision;
import org.claimdesk.commerce.Customer;
import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.commerce.Subscription;
import org.claimdesk.commerce.SubscriptionService;
import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.notification.CustomerNotifier;
import org.claimdesk.payment.CasePayouts;
import org.claimdesk.payment.PayoutReceipt;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/**
 * Every step of {@code subscription-cancellation}, in one bean the diagram calls (bean
 * {@code cancellationTasks}). Each runs in the engine's transaction for that step, so the
 * subscription's state always matches the case; the refund goes through {@link CasePayouts},
 * exactly once per case.
 *
 * <p>As in {@code RefundTasks}: methods a service task calls with process variables
 * ({@code ${cancellationTasks.endAccess(caseReference, subscriptionId, plan)}}), and properties that
 * are the step itself, a {@link JavaDelegate} or {@link TaskListener}
 * ({@code ${cancellationTasks.stopBilling}}), where the step writes variables, reads the task, or
 * takes the case from the business key (the refund).
 */
@Component
public class CancellationTasks {

  public static final String REFUND_STEP = "refund";
  public static final String IMMEDIATE = "IMMEDIATE";

  private final SubscriptionService subscriptions;
  private final PaymentService payments;
  private final OrderService orders;
  private final CaseService cases;
  private final CustomerNotifier customer;
  private final CasePayouts payouts;
  private final Clock clock;

  public CancellationTasks(SubscriptionService subscriptions, PaymentService payments, OrderService orders,
      CaseService cases, CustomerNotifier customer, CasePayouts payouts, Clock clock) {
    this.subscriptions = subscriptions;
    this.payments = payments;
    this.orders = orders;
    this.cases = cases;
    this.customer = customer;
    this.payouts = payouts;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ steps called with variables

  /** The customer withdrew before the cycle ended: billing and access continue, the case closes. */
  public void restore(String reference, String subscriptionId, String plan) {
    subscriptions.restore(subscriptionId);
    cases.change(reference, CaseChange.decided(CaseStatus.CLOSED, CaseOutcome.WITHDRAWN, "SC-2"));
    customer.send(reference, CustomerMessage.CANCELLATION_WITHDRAWN, Map.of("plan", plan));
  }

  /** SC-2: the paid cycle is over. */
  public void endAccess(String reference, String subscriptionId, String plan) {
    Instant now = clock.instant();
    subscriptions.endAccess(subscriptionId, now);
    customer.send(reference, CustomerMessage.ACCESS_ENDED, Map.of("plan", plan, "accessEndedAt", now));
  }

  // ------------------------------------------------------------------ steps that need the execution or the task

  /** Task_LoadSubscription: the subscription's facts for cancellationRefund and the forms. */
  public JavaDelegate getLoadSubscriptionFacts() {
    return execution -> {
      CancellationVariables v = CancellationVariables.of(execution);
      SubscriptionFacts facts = subscriptionFacts(v.subscriptionId());
      v.set(CUSTOMER_ID, facts.customerId());
      v.set(CUSTOMER_NAME, facts.customerName());
      v.set(PLAN, facts.plan());
      v.set(LAST_PAYMENT_ID, facts.lastPaymentId());
      v.set(LAST_PAYMENT_AMOUNT, facts.lastPaymentAmount());
      v.set(CURRENCY, facts.currency());
      v.set(DAYS_SINCE_LAST_PAYMENT, facts.daysSinceLastPayment());
      v.set(CYCLE_END, Date.from(facts.cycleEnd()));
      v.set(ORDER_SUMMARY, facts.summary());
    };
  }

  /**
   * Task_StopBilling: SC-1, no charge after the request, even a renewal minutes away; SC-2, access
   * ends now, or with the paid cycle.
   */
  public JavaDelegate getStopBilling() {
    return execution -> {
      CancellationVariables v = CancellationVariables.of(execution);
      Instant cycleEnd = ((Date) v.raw(CYCLE_END)).toInstant();
      Instant now = clock.instant();
      boolean immediate = IMMEDIATE.equals(v.mode());
      Instant accessEndsAt = immediate || cycleEnd.isBefore(now) ? now : cycleEnd;
      subscriptions.stopBilling(v.subscriptionId(), now, accessEndsAt);
      if (immediate) {
        subscriptions.endAccess(v.subscriptionId(), now);
      }
      v.set(ACCESS_ENDS_AT, Date.from(accessEndsAt));
      v.set(REFUNDED, false);
      v.set(REVIEWED, false);
    };
  }

  /** Task_ReviewClaim of a cancellation, on create: in review, a reply due by the task's due date (SL-1). */
  public TaskListener getReviewOpened() {
    return task -> {
      CancellationVariables v = CancellationVariables.of(task);
      Instant dueBy = task.getDueDate().toInstant();
      cases.change(v.caseReference(), CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(dueBy));
      v.set(POLICY_VERDICT, "Review under " + v.string(RULE_ID) + ": a billing error or a service issue may be refunded");
      v.set(REPLY_DUE_TEXT, FirstReplySteps.staffTime(dueBy));
    };
  }

  /** Every user task, on complete: the completion rules of the task's form ({@link CancellationFormRules}). */
  public TaskListener getFormRules() {
    return task -> CancellationFormRules.check(task.getBpmnModelElementInstance().getCamundaFormRef(),
        CancellationVariables.of(task));
  }

  /**
   * Task_RecordRefundDecision: the refund is decided; the case shows it at once, before the money
   * moves, and what the payout step pays is kept in the database (issue #20 point 2).
   */
  public JavaDelegate getRecordRefundDecision() {
    return execution -> {
      CancellationVariables v = CancellationVariables.of(execution);
      String reference = v.caseReference();
      Money refund = v.refund();
      cases.change(reference, CaseChange.decided(CaseStatus.IN_PAYMENT, outcomeOf(refund, v.lastPayment()),
          v.string(RULE_ID)).noReplyDue());
      cases.decidePayout(reference, REFUND_STEP, new PayoutDecision(null, refund));
      v.set(REFUNDED, true);
    };
  }

  /**
   * Task_RefundLastPayment (async, retried), SC-3: refunds the decided amount of the subscription's
   * last payment, exactly once per case. The case is the business key; the amount is the decision
   * recorded on the case, the subscription the case's, the payment its last one in the merchant's
   * records: nothing from a process variable ({@link CasePayouts} checks that the payment is the
   * customer's and the amount within what is left of it).
   */
  public JavaDelegate getRefundLastPayment() {
    return execution -> {
      String reference = execution.getProcessBusinessKey();
      Money refund = cases.decidedPayout(reference, REFUND_STEP).map(PayoutDecision::amount).orElseThrow(() ->
          new IllegalStateException("Case " + reference + " has no refund decision to pay"));
      String subscriptionId = cases.find(reference)
          .orElseThrow(() -> new IllegalStateException("No case " + reference)).subjectId();
      String paymentId = subscriptions.findSubscription(subscriptionId).orElseThrow(() ->
          new IllegalStateException("Case " + reference + ": no subscription " + subscriptionId)).lastPaymentId();
      PayoutReceipt receipt = payouts.refund(reference, REFUND_STEP, paymentId, refund);
      subscriptions.recordRefund(subscriptionId, receipt.amount().amount());
    };
  }

  /**
   * Task_ConfirmCancellation: what was cancelled, when access ends, what is refunded and why (rule),
   * in the customer's language; the reviewer's words when there was a review.
   */
  public JavaDelegate getConfirmCancellation() {
    return execution -> {
      CancellationVariables v = CancellationVariables.of(execution);
      Money refund = "REFUND".equals(v.string(REFUND_DECISION)) ? v.refund() : null;
      String ruleId = v.string(RULE_ID);
      String agentMessage = v.flag(REVIEWED) ? v.string(REPLY_MESSAGE) : null;
      String reference = v.caseReference();
      cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED,
          refund == null ? CaseOutcome.CANCELLED : outcomeOf(refund, v.lastPayment()), ruleId));
      Map<String, Object> parameters = new HashMap<>();
      parameters.put("plan", v.string(PLAN));
      parameters.put("mode", v.mode());
      parameters.put("accessEndsAt", ((Date) v.raw(ACCESS_ENDS_AT)).toInstant());
      parameters.put("refundDecision", refund == null ? "NO_REFUND" : "REFUND");
      parameters.put("ruleId", ruleId);
      if (refund != null) {
        parameters.put("amount", refund);
      }
      if (agentMessage != null && !agentMessage.isBlank()) {
        parameters.put("agentMessage", agentMessage.strip());
      }
      customer.send(reference, CustomerMessage.CANCELLATION_CONFIRMED, parameters);
    };
  }

  // ------------------------------------------------------------------ the steps' work

  /** The subscription's facts for the refund decision (SC-3: days since the last payment). */
  SubscriptionFacts subscriptionFacts(String subscriptionId) {
    Subscription subscription = subscriptions.findSubscription(subscriptionId).orElseThrow(
        () -> new IllegalStateException("Subscription " + subscriptionId + " of a cancellation case does not exist"));
    Payment last = payments.findPayment(subscription.lastPaymentId()).orElseThrow(
        () -> new IllegalStateException("Last payment " + subscription.lastPaymentId() + " does not exist"));
    String customerName = orders.findCustomer(subscription.customerId()).map(Customer::name).orElse("");
    return SubscriptionFacts.of(subscription, last, customerName, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  private static CaseOutcome outcomeOf(Money refund, Money lastPayment) {
    return refund.equals(lastPayment) ? CaseOutcome.REFUNDED : CaseOutcome.PARTIALLY_REFUNDED;
  }
}
