package org.claimdesk.payment;

/**
 * The processor refused a refund for a reason that repeating the same request cannot change
 * (an HTTP 4xx at a Stripe-like processor): an unknown charge, more than is left to refund, an
 * idempotency key reused with other parameters. Like any exception from a job it is retried and
 * then becomes an incident; people decide what happens next.
 */
public class ProcessorRefusedException extends RuntimeException {

  /** Why the processor refused. */
  public enum Reason {
    /** The instruction is incomplete or malformed. */
    INVALID_REQUEST,
    /** The processor knows no single charge by this reference. */
    UNKNOWN_CHARGE,
    /** The charge was not captured, so there is nothing to refund. */
    CHARGE_NOT_CAPTURED,
    /** The refund is in another currency than the charge. */
    CURRENCY_MISMATCH,
    /** The refund is more than the charge's captured amount minus what was refunded already. */
    AMOUNT_EXCEEDS_CHARGE,
    /** The idempotency key was used before for another charge or amount. */
    IDEMPOTENCY_KEY_REUSED
  }

  private final Reason reason;

  public ProcessorRefusedException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
