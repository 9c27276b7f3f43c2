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
  ACCESS_ENDED
}
