package org.claimdesk.discrepancy;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.claimdesk.commerce.Money;
import org.claimdesk.engine.ProcessVariables;

/**
 * Every variable of {@code payment-discrepancy}, named once. The SL-1 steps of the reply
 * subprocess read the same names as in the other processes ({@code caseReference},
 * {@code replyDueText}). The process keeps IDs and small decision values; the payment, order and
 * findings are in the database.
 */
public final class DiscrepancyVariables extends ProcessVariables {

  public static final String CASE_REFERENCE = DiscrepancyProcess.CASE_REFERENCE;
  public static final String PAYMENT_ID = DiscrepancyProcess.PAYMENT_ID;
  public static final String REPORT_KIND = DiscrepancyProcess.REPORT_KIND;
  public static final String REPORT_CHANNEL = DiscrepancyProcess.REPORT_CHANNEL;
  public static final String EXPECTED_AMOUNT = DiscrepancyProcess.EXPECTED_AMOUNT;
  public static final String REPORT_DESCRIPTION = DiscrepancyProcess.REPORT_DESCRIPTION;

  // Facts of the payment (Task_LoadPaymentFacts).
  public static final String CUSTOMER_ID = "customerId";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String ORDER_ID = "orderId";
  /** The payment's amount in minor units of {@link #CURRENCY}. */
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  /** Long: the order's amount, in minor units of {@link #CURRENCY}. */
  public static final String ORDER_AMOUNT = "orderAmount";
  /** A {@code java.util.Date}: the payment's capture, from the merchant data (PD-2). */
  public static final String CAPTURED_AT = "capturedAt";
  /** Boolean: the report came within 60 days of the capture (PD-2). */
  public static final String WITHIN_REPORT_WINDOW = "withinReportWindow";
  /** Shown on the forms. */
  public static final String PAYMENT_SUMMARY = "paymentSummary";
  public static final String REPORT_SUMMARY = "reportSummary";

  // The automatic checks (Task_RunChecks).
  public static final String FINDINGS_SUMMARY = "findingsSummary";
  /** Boolean: a duplicate charge the checks proved, for a report of a duplicate charge: no person needed. */
  public static final String DUPLICATE_CONFIRMED = "duplicateConfirmed";
  /** Long: what the processor refunded on the payment already, in minor units (zero when nothing). */
  public static final String REFUNDED_AMOUNT = "refundedAmount";
  /** The later payment of a duplicate pair, the one to refund; absent when the checks found none. */
  public static final String DUPLICATE_PAYMENT_ID = "duplicatePaymentId";

  // The investigation (form investigate-discrepancy).
  public static final String REPLY_DUE_TEXT = "replyDueText";
  public static final String EVIDENCE_SUMMARY = "evidenceSummary";
  /** What happened so far: requests, answers, deadlines, managers' notes (newest last). */
  public static final String INVESTIGATION_NOTES = "investigationNotes";
  /** ASK_PROCESSOR, ASK_CUSTOMER or RECORD_FINDING. */
  public static final String INVESTIGATION_STEP = "investigationStep";
  /** PROCESSOR or BANK: whom the investigator asked. */
  public static final String INSTITUTION = "institution";
  /** The investigator's request to the processor or bank, or question to the customer. */
  public static final String REQUEST_TEXT = "requestText";
  /** A {@link Cause} name: what the investigation established (DMN input). */
  public static final String CAUSE = "cause";
  /** REFUND or BALANCE_ADJUSTMENT, where the policy leaves the choice; null otherwise (DMN input). */
  public static final String PREFERRED_REMEDY = "preferredRemedy";
  /** The amount typed on the form, in major units (a number); optional. */
  public static final String ADJUSTMENT_AMOUNT = "adjustmentAmount";
  /** The investigator's conclusion for the customer (email and resolution document). */
  public static final String CONCLUSION = "conclusion";
  /** The processor's or bank's answer, as received with {@link DiscrepancyProcess#MESSAGE_PROCESSOR_ANSWERED}. */
  public static final String PROCESSOR_ANSWER = "processorAnswer";
  /** PROCESSOR or BANK: who answered. */
  public static final String ANSWERED_BY = "answeredBy";

  // The decision (Task_DecideLiability, Task_RecordDecision).
  /** The DMN result: {@code merchantLiable}, {@code remedy}, {@code ruleId}. */
  public static final String LIABILITY = "liability";
  public static final String MERCHANT_LIABLE = "merchantLiable";
  /** A {@link Remedy} name. */
  public static final String REMEDY = "remedy";
  public static final String RULE_ID = "ruleId";
  /** Long: the money to move, in minor units of {@link #CURRENCY}; absent when none moves. */
  public static final String RECTIFY_AMOUNT = "rectifyAmount";
  /** The payment a refund goes back to. */
  public static final String RECTIFY_PAYMENT_ID = "rectifyPaymentId";
  /** Where the money went: the processor's refund id or the wallet ledger entry id. */
  public static final String ADJUSTMENT_REFERENCE = "adjustmentReference";
  /** Integer: 1 for the first investigation, one more each time the customer's dissatisfaction reopens it. */
  public static final String ROUND = "round";

  // The follow-up (PD-6) and the managers' review (form review-dissatisfaction).
  public static final String SATISFIED = "satisfied";
  public static final String FEEDBACK_COMMENT = "feedbackComment";
  public static final String RESOLUTION_SUMMARY = "resolutionSummary";
  /** REINVESTIGATE or UPHOLD. */
  public static final String REVIEW_OUTCOME = "reviewOutcome";
  public static final String MANAGER_NOTE = "managerNote";

  private DiscrepancyVariables(VariableScope scope) {
    super(scope);
  }

  public static DiscrepancyVariables of(VariableScope scope) {
    return new DiscrepancyVariables(scope);
  }

  public String caseReference() {
    return string(CASE_REFERENCE);
  }

  public String paymentId() {
    return string(PAYMENT_ID);
  }

  /** The reported payment's amount. */
  public Money amount() {
    return new Money(longValue(AMOUNT), Money.currency(string(CURRENCY)));
  }

  public Money money(String variable) {
    Object value = raw(variable);
    return value == null ? null : new Money(((Number) value).longValue(), Money.currency(string(CURRENCY)));
  }

  public int round() {
    Object round = raw(ROUND);
    return round == null ? 1 : ((Number) round).intValue();
  }

  public Money rectifyAmount() {
    return new Money(longValue(RECTIFY_AMOUNT), Money.currency(string(CURRENCY)));
  }

  public java.time.Instant capturedAt() {
    return ((Date) raw(CAPTURED_AT)).toInstant();
  }

  /** Adds a dated line to the investigation notes. */
  public void addNote(String line) {
    String notes = string(INVESTIGATION_NOTES);
    set(INVESTIGATION_NOTES, notes == null || notes.isBlank() ? line : notes + "\n" + line);
  }
}
