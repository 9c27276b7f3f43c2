package org.claimdesk.payment;

import org.claimdesk.commerce.Money;

/**
 * A refund to ask the processor for. The idempotency key is derived from the case and the step
 * ({@code CD-7K2M9QXA:refund}), never random, so a retried job repeats the same request.
 *
 * @param chargeReference the processor's reference of the original payment
 * @param amount the amount to refund, positive, in the payment's currency
 * @param reason a short text for the processor's records, naming the case (no personal data)
 */
public record RefundInstruction(String idempotencyKey, String chargeReference, Money amount, String reason) {
}
