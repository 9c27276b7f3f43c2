package org.claimdesk.refund;

import java.util.Currency;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.claimdesk.engine.ProcessVariables;
import org.claimdesk.cases.OfferType;
import org.claimdesk.commerce.Money;

/**
 * Every variable of {@code refund-request}, named once, with typed access. The process keeps
 * IDs, the facts its gateways and decisions read, and the few display values its forms show;
 * the order, payments and case are loaded from the database when needed.
 */
public final class RefundVariables extends ProcessVariables {

  // Started with (see RefundProcess).
  public static final String CASE_REFERENCE = RefundProcess.CASE_REFERENCE;
  public static final String ORDER_ID = RefundProcess.ORDER_ID;
  public static final String REASON = RefundProcess.REASON;
  public static final String CLAIM_DESCRIPTION = RefundProcess.CLAIM_DESCRIPTION;
  public static final String POLICY_PROFILE = RefundProcess.POLICY_PROFILE;

  // Facts of the order (Task_LoadClaimFacts); inputs of refundEligibility.
  public static final String CUSTOMER_ID = "customerId";
  /** The captured payment a refund goes back to; absent when the order has none. */
  public static final String PAYMENT_ID = "paymentId";
  public static final String PRODUCT_TYPE = "productType";
  public static final String SERVICE_STATUS = "serviceStatus";
  public static final String DAYS_SINCE_ORDER = "daysSinceOrder";
  public static final String DAYS_SINCE_PURCHASE = "daysSincePurchase";
  public static final String DAYS_SINCE_SERVICE = "daysSinceService";
  /** The order's amount in minor units of {@link #CURRENCY}. */
  public static final String ORDER_AMOUNT = "orderAmount";
  public static final String CURRENCY = "currency";

  // Outputs of refundEligibility.
  /** REFUSE or REVIEW. */
  public static final String VERDICT = "verdict";
  public static final String RULE_ID = "ruleId";
  public static final String EVIDENCE_REQUIRED = "evidenceRequired";

  // Shown on the forms.
  public static final String CUSTOMER_NAME = "customerName";
  public static final String ORDER_SUMMARY = "orderSummary";
  public static final String EVIDENCE_SUMMARY = "evidenceSummary";
  public static final String POLICY_VERDICT = "policyVerdict";
  public static final String REPLY_DUE_TEXT = "replyDueText";
  public static final String OFFER_SUMMARY = "offerSummary";

  // Written by the forms.
  /** ASK_EVIDENCE, REFUSE, TRY_FIX or OFFER (review-claim). */
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REFUSAL_RULE_ID = "refusalRuleId";
  /** An {@link OfferType} name. */
  public static final String OFFER_TYPE = "offerType";
  /** As the agent typed it, in major units (45.50); see {@link #OFFER_AMOUNT_MINOR}. */
  public static final String OFFER_AMOUNT = "offerAmount";
  public static final String OFFER_DESCRIPTION = "offerDescription";
  /** RF-7: the agent marks the offer as an exception outside the terms. */
  public static final String IS_EXCEPTION = "isException";
  /** The agent's words to the customer. */
  public static final String REPLY_MESSAGE = "replyMessage";
  /** FIXED or NOT_FIXABLE (attempt-fix). */
  public static final String FIX_OUTCOME = "fixOutcome";
  /** APPROVE or REFUSE (approve-offer). */
  public static final String APPROVAL_DECISION = "approvalDecision";
  public static final String MANAGER_NOTE = "managerNote";
  /** handle-escalation: whom to give the open review to. */
  public static final String ASSIGN_REVIEW_TO = "assignReviewTo";

  // Derived.
  /** The offer's amount in minor units of {@link #CURRENCY}; input of refundApproval. */
  public static final String OFFER_AMOUNT_MINOR = "offerAmountMinor";
  /** Outputs of refundApproval. */
  public static final String APPROVAL_REQUIRED = "approvalRequired";
  public static final String APPROVAL_RULE_ID = "approvalRuleId";
  /** What was agreed: an {@link OfferType} name, or FIXED. */
  public static final String RESOLUTION = "resolution";
  public static final String RESOLUTION_FIXED = "FIXED";

  /** Input parameter of the reminder tasks: the CustomerMessage to send. */
  public static final String REMINDER = "reminder";

  private RefundVariables(VariableScope scope) {
    super(scope);
  }

  public static RefundVariables of(VariableScope scope) {
    return new RefundVariables(scope);
  }

  public String caseReference() {
    return string(CASE_REFERENCE);
  }

  public String orderId() {
    return string(ORDER_ID);
  }

  public String customerId() {
    return string(CUSTOMER_ID);
  }

  public String paymentId() {
    return string(PAYMENT_ID);
  }

  public Currency currency() {
    return Money.currency(string(CURRENCY));
  }

  public Money orderAmount() {
    return new Money(longValue(ORDER_AMOUNT), currency());
  }

  public String reviewDecision() {
    return string(REVIEW_DECISION);
  }

  public OfferType offerType() {
    String type = string(OFFER_TYPE);
    return type == null ? null : OfferType.valueOf(type);
  }

  /** The offer's amount, or null for an offer that moves no money. */
  public Money offerAmount() {
    Object minor = raw(OFFER_AMOUNT_MINOR);
    return minor == null ? null : new Money(((Number) minor).longValue(), currency());
  }

  public String resolution() {
    return string(RESOLUTION);
  }
}
