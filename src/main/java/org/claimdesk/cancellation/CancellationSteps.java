package org.claimdesk.cancellation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.claimdesk.cases.CaseChange;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.PayoutDecision;
import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.SubscriptionService;
import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.notification.CustomerNotifier;
import org.claimdesk.payment.PayoutReceipt;
import org.claimdesk.payment.CasePayouts;
import org.springframework.stereotype.Service;

/**
 * The cancellation's steps that touch the subscription, the case, the customer and the money.
 * Each runs in the engine's transaction for that step, so the subscription's state always
 * matches the case; the refund goes through {@link Payouts}, exactly once per case.
 */
@Service
public class CancellationSteps {

  public static final String REFUND_STEP = "refund";
  public static final String IMMEDIATE = "IMMEDIATE";

  private final SubscriptionService subscriptions;
  private final CaseService cases;
  private final CustomerNotifier customer;
  private final CasePayouts payouts;
  private final Clock clock;

  public CancellationSteps(SubscriptionService subscriptions, CaseService cases, CustomerNotifier customer,
      CasePayouts payouts, Clock clock) {
    this.subscriptions = subscriptions;
    this.cases = cases;
    this.customer = customer;
    this.payouts = payouts;
    this.clock = clock;
  }

  /**
   * SC-1: no charge after the request, even a renewal minutes away; SC-2: access ends now, or
   * with the paid cycle. Returns when access ends.
   */
  public Instant stopBilling(String subscriptionId, String mode, Instant cycleEnd) {
    Instant now = clock.instant();
    boolean immediate = IMMEDIATE.equals(mode);
    Instant accessEndsAt = immediate || cycleEnd.isBefore(now) ? now : cycleEnd;
    subscriptions.stopBilling(subscriptionId, now, accessEndsAt);
    if (immediate) {
      subscriptions.endAccess(subscriptionId, now);
    }
    return accessEndsAt;
  }

  /** SL-1: a review task opened; a reply is owed by its due date. */
  public void reviewOpened(String reference, Instant replyDueBy) {
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(replyDueBy));
  }

  /** The refund is decided: the case shows it at once, before the money moves. */
  public void recordRefundDecision(String reference, Money refund, Money lastPayment, String ruleId) {
    cases.change(reference, CaseChange.decided(CaseStatus.IN_PAYMENT, outcomeOf(refund, lastPayment), ruleId)
        .noReplyDue());
    // what the payout step pays, kept in the database (issue #20 point 2)
    cases.decidePayout(reference, REFUND_STEP, new PayoutDecision(null, refund));
  }

  /**
   * SC-3: refunds the decided amount of the subscription's last payment. The amount is the
   * decision recorded on the case ({@link #recordRefundDecision}), the subscription the case's, the
   * payment its last one in the merchant's records: nothing from a process variable
   * ({@link CasePayouts} checks that the payment is the customer's and the amount within what is
   * left of it).
   */
  public PayoutReceipt refundLastPayment(String reference) {
    Money refund = cases.decidedPayout(reference, REFUND_STEP).map(PayoutDecision::amount).orElseThrow(() ->
        new IllegalStateException("Case " + reference + " has no refund decision to pay"));
    String subscriptionId = cases.find(reference).orElseThrow(() -> new IllegalStateException("No case " + reference))
        .subjectId();
    String paymentId = subscriptions.findSubscription(subscriptionId).orElseThrow(() ->
        new IllegalStateException("Case " + reference + ": no subscription " + subscriptionId)).lastPaymentId();
    PayoutReceipt receipt = payouts.refund(reference, REFUND_STEP, paymentId, refund);
    subscriptions.recordRefund(subscriptionId, receipt.amount().amount());
    return receipt;
  }

  /** What was cancelled, when access ends, what is refunded and why (rule), in the customer's language. */
  public void confirm(String reference, String plan, String mode, Instant accessEndsAt, Money refund,
      Money lastPayment, String ruleId, String agentMessage) {
    cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED,
        refund == null ? CaseOutcome.CANCELLED : outcomeOf(refund, lastPayment), ruleId));
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("plan", plan);
    parameters.put("mode", mode);
    parameters.put("accessEndsAt", accessEndsAt);
    parameters.put("refundDecision", refund == null ? "NO_REFUND" : "REFUND");
    parameters.put("ruleId", ruleId);
    if (refund != null) {
      parameters.put("amount", refund);
    }
    if (agentMessage != null && !agentMessage.isBlank()) {
      parameters.put("agentMessage", agentMessage.strip());
    }
    customer.send(reference, CustomerMessage.CANCELLATION_CONFIRMED, parameters);
  }

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

  private static CaseOutcome outcomeOf(Money refund, Money lastPayment) {
    return refund.equals(lastPayment) ? CaseOutcome.REFUNDED : CaseOutcome.PARTIALLY_REFUNDED;
  }
}
