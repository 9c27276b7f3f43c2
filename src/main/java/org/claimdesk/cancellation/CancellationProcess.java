package org.claimdesk.cancellation;

import org.claimdesk.cases.ClaimIntake;

/**
 * The {@code subscription-cancellation} process's contract with the rest of the application: its
 * key, the variables it is started with, and the message it waits for (correlated by business
 * key, which is the case reference).
 */
public final class CancellationProcess {

  public static final String KEY = "subscription-cancellation";

  // Variables the process is started with.
  public static final String CASE_REFERENCE = ClaimIntake.CASE_REFERENCE;
  public static final String SUBSCRIPTION_ID = "subscriptionId";
  /** END_OF_CYCLE or IMMEDIATE (SC-2). */
  public static final String MODE = "mode";
  /** Boolean: the customer asks for the last payment back (SC-3). */
  public static final String REFUND_REQUESTED = "refundRequested";
  /** BILLING_ERROR, SERVICE_ISSUE, NO_LONGER_NEEDED or OTHER. */
  public static final String REASON = "reason";
  /** {@code standard} or {@code strict}, as recorded on the case. */
  public static final String POLICY_PROFILE = ClaimIntake.POLICY_PROFILE;

  /** The customer withdraws a scheduled cancellation before the paid cycle ends. */
  public static final String MESSAGE_WITHDRAWN = "CancellationWithdrawn";

  private CancellationProcess() {
  }
}
