package org.claimdesk.cancellation;

import org.claimdesk.cases.CaseProcessMessages;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.ClaimIntake;
import org.claimdesk.cases.CustomerAction;
import org.springframework.stereotype.Component;

/**
 * The {@code subscription-cancellation} process's contract with the rest of the application: its
 * key, the variables it is started with, and the one message it waits for from the customer
 * (correlated by business key, which is the case reference): the withdrawal of a scheduled
 * cancellation. Evidence, offers and feedback are not part of it (409).
 */
@Component
public class CancellationProcess implements CaseProcessMessages {

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

  @Override
  public CaseType caseType() {
    return CaseType.SUBSCRIPTION_CANCELLATION;
  }

  @Override
  public String messageName(CustomerAction action) {
    return switch (action) {
      case WITHDRAWAL -> MESSAGE_WITHDRAWN;
      case EVIDENCE_RECEIVED, OFFER_ACCEPTED, OFFER_DECLINED, FEEDBACK_RECEIVED -> null;
    };
  }
}
