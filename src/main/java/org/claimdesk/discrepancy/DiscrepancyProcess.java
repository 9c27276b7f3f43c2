package org.claimdesk.discrepancy;

import org.claimdesk.cases.ClaimIntake;

/**
 * The {@code payment-discrepancy} process's contract with the rest of the application: its key,
 * the variables it is started with, and the messages it waits for (each correlated by business
 * key = case reference).
 */
public final class DiscrepancyProcess {

  public static final String KEY = "payment-discrepancy";

  // Variables the process is started with.
  public static final String CASE_REFERENCE = ClaimIntake.CASE_REFERENCE;
  /** The shop's id of the payment the report names. */
  public static final String PAYMENT_ID = "paymentId";
  /** A {@link DiscrepancyKind} name. */
  public static final String REPORT_KIND = "reportKind";
  /** A {@link ReportChannel} name. */
  public static final String REPORT_CHANNEL = "reportChannel";
  /** The customer's own words (PD-1: as many details as possible), shown to the investigator. */
  public static final String REPORT_DESCRIPTION = "reportDescription";
  /** Long, optional: what the customer expected to pay, in minor units of the payment's currency. */
  public static final String EXPECTED_AMOUNT = "expectedAmount";
  /** {@code standard} or {@code strict}, as recorded on the case. */
  public static final String POLICY_PROFILE = ClaimIntake.POLICY_PROFILE;

  /**
   * The processor or the bank answered the investigator's request (PD-3); carries
   * {@link DiscrepancyVariables#PROCESSOR_ANSWER} and {@link DiscrepancyVariables#ANSWERED_BY}.
   */
  public static final String MESSAGE_PROCESSOR_ANSWERED = "ProcessorAnswered";
  /** The customer sent the details the investigator asked for (a file or a note on the case page). */
  public static final String MESSAGE_DETAILS_RECEIVED = "DiscrepancyDetailsReceived";
  /** The customer answered the follow-up (PD-6); carries {@code satisfied} and {@code feedbackComment}. */
  public static final String MESSAGE_SATISFACTION_ANSWERED = "SatisfactionAnswered";

  private DiscrepancyProcess() {
  }
}
