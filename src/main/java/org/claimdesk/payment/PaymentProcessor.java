package org.claimdesk.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port to the payment processor. Implementations send the instruction's idempotency key,
 * so the same instruction twice makes one refund. No card data ever passes through (SL-3).
 * A technical failure (timeout, 5xx) is an exception: the calling job retries.
 *
 * <p>Which implementation runs is {@code claimdesk.payment.processor}; {@code sandbox}
 * ({@link SandboxPaymentProcessor}) is the embedded default's, {@code stripe}
 * ({@link org.claimdesk.payment.stripe.StripePaymentProcessor}) talks to a Stripe-compatible API.
 *
 * <p>What {@link PayoutService} relies on:
 * <ul>
 *   <li>A repeated key answers the refund made under it first, for as long as a payout may be
 *       retried; where the processor forgets keys (Stripe after 24 hours), the client must look
 *       for a refund carrying the key (in its metadata) before it creates one.
 *   <li>A refusal that the same request cannot overcome is a {@link ProcessorRefusedException};
 *       any other exception means the refund may or may not have been made, and is retried with
 *       the same key.
 *   <li>Exception messages carry no credentials and no card data: they are stored with the payout.
 * </ul>
 */
public interface PaymentProcessor {

  ProcessorRefund refund(RefundInstruction instruction);

  /**
   * The processor's record of a charge, or empty when the processor does not know the reference.
   * Reads only; nothing moves.
   */
  Optional<ProcessorCharge> findCharge(String chargeReference);

  /**
   * The refunds the processor created from {@code from} (inclusive) to {@code to} (exclusive),
   * each with the idempotency key Claimdesk sent (null for refunds made elsewhere), for the
   * reconciliation ({@link PayoutReconciliation}). Reads only.
   */
  List<ListedRefund> refundsCreated(Instant from, Instant to);
}
