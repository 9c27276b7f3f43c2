package org.claimdesk.cancellation;

import java.util.Currency;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.claimdesk.engine.ProcessVariables;
import org.claimdesk.commerce.Money;

/**
 * Every variable of {@code subscription-cancellation}, named once, with typed access. The
 * SL-1 review reuses the refund process's generic steps, so the few names they read
 * ({@code caseReference}, {@code replyDueText}, {@code orderSummary}, ...) are the same.
 */
public final class CancellationVariables extends ProcessVariables {

  public static final String CASE_REFERENCE = CancellationProcess.CASE_REFERENCE;
  public static final String SUBSCRIPTION_ID = CancellationProcess.SUBSCRIPTION_ID;
  public static final String MODE = CancellationProcess.MODE;
  public static final String REFUND_REQUESTED = CancellationProcess.REFUND_REQUESTED;
  public static final String REASON = CancellationProcess.REASON;
  public static final String POLICY_PROFILE = CancellationProcess.POLICY_PROFILE;

  // Facts of the subscription; inputs of cancellationRefund.
  public static final String CUSTOMER_ID = "customerId";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String PLAN = "plan";
  /** The subscription's last payment, which a refund goes back to. */
  public static final String LAST_PAYMENT_ID = "lastPaymentId";
  /** In minor units of {@link #CURRENCY}. */
  public static final String LAST_PAYMENT_AMOUNT = "lastPaymentAmount";
  public static final String CURRENCY = "currency";
  public static final String DAYS_SINCE_LAST_PAYMENT = "daysSinceLastPayment";
  /** Shown on the forms (the name is the refund forms' one). */
  public static final String ORDER_SUMMARY = "orderSummary";

  /** The end of the paid cycle (a {@code java.util.Date}). */
  public static final String CYCLE_END = "cycleEnd";
  /** When access ends (a {@code java.util.Date}, the timer's due date). */
  public static final String ACCESS_ENDS_AT = "accessEndsAt";

  // Outputs of cancellationRefund; the review may change them.
  /** REFUND, NO_REFUND or REVIEW. */
  public static final String REFUND_DECISION = "refundDecision";
  public static final String RULE_ID = "ruleId";

  // The review form.
  /** FULL, PARTIAL or NONE. */
  public static final String REVIEW_REFUND = "reviewRefund";
  /** As typed, in major units. */
  public static final String REFUND_AMOUNT = "refundAmount";
  public static final String REPLY_MESSAGE = "replyMessage";
  public static final String POLICY_VERDICT = "policyVerdict";
  public static final String REPLY_DUE_TEXT = "replyDueText";

  // Derived.
  /** The refund in minor units; absent for the DMN's full refund until it is recorded. */
  public static final String REFUND_AMOUNT_MINOR = "refundAmountMinor";
  /** Boolean: money went back, so the cancellation can no longer be withdrawn. */
  public static final String REFUNDED = "refunded";
  /** Boolean: a support agent reviewed the refund (their words go into the confirmation). */
  public static final String REVIEWED = "reviewed";

  private CancellationVariables(VariableScope scope) {
    super(scope);
  }

  public static CancellationVariables of(VariableScope scope) {
    return new CancellationVariables(scope);
  }

  public String caseReference() {
    return string(CASE_REFERENCE);
  }

  public String subscriptionId() {
    return string(SUBSCRIPTION_ID);
  }

  public String mode() {
    return string(MODE);
  }

  public Currency currency() {
    return Money.currency(string(CURRENCY));
  }

  public Money lastPayment() {
    return new Money(longValue(LAST_PAYMENT_AMOUNT), currency());
  }

  /** The refund: the amount the review set, else the whole last payment. */
  public Money refund() {
    Object minor = raw(REFUND_AMOUNT_MINOR);
    return minor == null ? lastPayment() : new Money(((Number) minor).longValue(), currency());
  }
}
