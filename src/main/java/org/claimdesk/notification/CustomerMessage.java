package org.claimdesk.notification;

/**
 * Every message a process sends a customer. Each has an English and a French template; the
 * parameters each one reads are listed here ({@code Instant} for times, {@code Money} for amounts).
 */
public enum CustomerMessage {
  /** The claim is in and will be answered (SL-1). {@code replyDueBy}, {@code evidenceRequired} (Boolean). */
  CLAIM_RECEIVED,
  /** The claim is refused, citing the rule. {@code ruleId}; optional {@code agentMessage}. */
  CLAIM_REFUSED,
  /** The agent's reply in their own words. {@code agentMessage}. */
  AGENT_REPLY,
  /** Please send evidence (RF-3). {@code agentMessage}, {@code respondBy}. */
  EVIDENCE_REQUESTED,
  /** Reminder: evidence still awaited. {@code respondBy}. */
  EVIDENCE_REMINDER,
  /** An offer awaits consent (RF-8). {@code offerType} (OfferType), {@code amount} (money offers), {@code description} (required for an ALTERNATIVE), optional {@code agentMessage}, {@code respondBy}. */
  OFFER_MADE,
  /** Reminder: the offer awaits an answer. {@code respondBy}. */
  OFFER_REMINDER,
  /** The case closed because the customer did not answer in time. No parameter. */
  CLOSED_NO_RESPONSE,
  /** The issue was fixed (RF-4). {@code agentMessage}. */
  FIX_CONFIRMED,
  /** Money went back to the original payment. {@code amount}. */
  REFUND_PAID,
  /** A credit for future services is in the wallet. {@code amount}. */
  CREDIT_ADDED,
  /** The agreed alternative solution. {@code description}. */
  ALTERNATIVE_AGREED,
  /** How did we do? (RF-8) {@code respondBy}. */
  FEEDBACK_REQUESTED,
  /**
   * A subscription is cancelled: no further payment (SC-1), when access ends (SC-2), and the refund
   * decision citing its rule (SC-3, SC-4). {@code plan}, {@code mode} ({@code IMMEDIATE} or
   * {@code END_OF_CYCLE}), {@code accessEndsAt}, {@code refundDecision} ({@code REFUND} or
   * {@code NO_REFUND}), {@code amount} (a positive amount with REFUND, none with NO_REFUND),
   * {@code ruleId}; optional {@code agentMessage} (when an agent reviewed the refund).
   */
  CANCELLATION_CONFIRMED,
  /** The customer withdrew a scheduled cancellation: billing and access go on. {@code plan}. */
  CANCELLATION_WITHDRAWN,
  /** A cancelled subscription's access ended as scheduled. {@code plan}, {@code accessEndedAt}. */
  ACCESS_ENDED,
  /**
   * A reported wallet recharge is not in the wallet yet: it can take up to 72 hours (WR-2); we
   * check ourselves then and credit it if the payment went through, or close the case if it shows
   * before. {@code amount} (positive, the recharge), {@code checkAt} (72 hours after the payment).
   */
  RECHARGE_WAIT,
  /** We credited the wallet with the recharge; the credit is for future purchases only (cites WR-1). {@code amount} (positive). */
  RECHARGE_CREDITED,
  /** The recharge reached the wallet, credited by the shop: the case closes. {@code amount} (positive). */
  RECHARGE_ARRIVED,
  /** The recharge's payment never completed (not captured): nothing charged, nothing to credit. Optional {@code agentMessage}. */
  RECHARGE_NOT_PAID,
  /**
   * A payment discrepancy report is in and the investigation has started at once (PD-1): we are
   * checking the payment with our records and our payment processor, and write by a date.
   * {@code amount} (positive, the payment), {@code capturedAt} (when it was made), {@code replyDueBy}.
   */
  DISCREPANCY_RECEIVED,
  /**
   * The payment is older than the 60-day reporting window: no investigation under PD-2 (cited),
   * but support still helps. {@code capturedAt}, {@code windowEndedAt}, {@code supportContact}
   * (an email address).
   */
  DISCREPANCY_OUTSIDE_WINDOW,
  /**
   * The investigator needs details, as a file or a text note on the case page; without them the
   * investigation goes on with what it has (the case is not closed). {@code agentMessage} (the
   * question), {@code respondBy}.
   */
  DISCREPANCY_DETAILS_REQUESTED,
  /** Reminder: the details are still awaited; the same consequence. {@code respondBy}. */
  DISCREPANCY_DETAILS_REMINDER,
  /**
   * We asked the payment processor or the bank for its records (PD-3) and write again when they
   * answer; nothing to do. {@code institution} ({@code PROCESSOR} or {@code BANK}), {@code answerDueBy}.
   */
  DISCREPANCY_PROCESSOR_CONSULTED,
  /**
   * The investigation is complete: what it found, what we did, the rule, the resolution document
   * (attached, and on the case page) and the coming follow-up (PD-4, PD-5, PD-6). {@code cause}
   * (DUPLICATE_CHARGE, OVERCHARGED, MERCHANT_ERROR, UNAUTHORIZED_MERCHANT_SECURITY, CUSTOMER_ERROR,
   * FRAUD_NOT_MERCHANT, THIRD_PARTY_ISSUE or NO_DISCREPANCY), {@code remedy} (REFUND,
   * BALANCE_ADJUSTMENT, ASSISTANCE or NONE), {@code amount} (positive with REFUND and
   * BALANCE_ADJUSTMENT, none otherwise), {@code ruleId} (e.g. PD-4); optional {@code agentMessage}.
   * ASSISTANCE goes with the causes of PD-5 (CUSTOMER_ERROR, FRAUD_NOT_MERCHANT, THIRD_PARTY_ISSUE),
   * NONE with NO_DISCREPANCY and only with it.
   */
  DISCREPANCY_RESOLVED,
  /**
   * Follow-up (PD-6): is the customer satisfied with how the dispute was resolved? Answer on the
   * case page; if not, the investigation reopens and a manager reviews it. {@code respondBy}.
   */
  DISCREPANCY_FOLLOW_UP,
  /** Not satisfied: the investigation is reopened and a manager reviews it. {@code replyDueBy}. */
  DISCREPANCY_REOPENED,
  /**
   * A manager reviewed the case again and confirms the resolution; the case is closed and the
   * documentation already sent remains valid. {@code agentMessage} (required: the manager's words).
   */
  DISCREPANCY_RESOLUTION_UPHELD
}
