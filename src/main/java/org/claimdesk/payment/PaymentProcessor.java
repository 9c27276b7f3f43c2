package org.claimdesk.payment;

/**
 * The port to the payment processor. Implementations send the instruction's idempotency key,
 * so the same instruction twice makes one refund. No card data ever passes through (SL-3).
 * A technical failure (timeout, 5xx) is an exception: the calling job retries.
 */
public interface PaymentProcessor {

  ProcessorRefund refund(RefundInstruction instruction);
}
