package org.claimdesk.payment;

/**
 * A difference between the processor's refunds and the payouts Claimdesk recorded.
 *
 * @param idempotencyKey the payout key concerned, or null when the refund carries none
 * @param refundId the processor's refund concerned, or null when the processor has none
 */
public record PayoutMismatch(Kind kind, String idempotencyKey, String refundId, String description) {

  /** The kinds of mismatch, the most urgent first (the incident message lists them in this order). */
  public enum Kind {
    /** The processor holds more than one live refund under one payout key: money moved twice. */
    DUPLICATE_AT_PROCESSOR,
    /** The payout is SUCCEEDED, the processor reports its refund failed (a refund that failed later). */
    FAILED_AT_PROCESSOR,
    /** The payout and the processor's refund are for different amounts or charges. */
    DIFFERENT_MONEY,
    /** The processor refunded, the payout says FAILED, or PENDING for longer than the grace period. */
    UNRECORDED_AT_CLAIMDESK,
    /** The payout is SUCCEEDED with a refund the processor does not list. */
    MISSING_AT_PROCESSOR,
    /** The processor made a live refund under a key no payout is recorded for. */
    NO_PAYOUT
  }

  @Override
  public String toString() {
    return kind + " " + (idempotencyKey == null ? "(no key)" : idempotencyKey)
        + (refundId == null ? "" : " / " + refundId) + ": " + description;
  }
}
