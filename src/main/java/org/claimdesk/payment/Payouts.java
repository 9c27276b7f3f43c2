package org.claimdesk.payment;

import org.claimdesk.commerce.Money;

/**
 * Moves a case's money exactly once, across retries, crashes and nodes: each payout has an
 * idempotency key {@code <caseReference>:<step>}, recorded before the money moves and unique in
 * the database. Calling again with the same case and step returns the first payout's receipt
 * and moves nothing more (and a different amount for the same key is refused).
 *
 * <p>A payout commits in transactions of its own, not in the caller's: a caller that rolls back
 * does not undo it, and calls again with the same case and step. A failure is an exception, and
 * the payout stays recorded (PENDING, its attempts counted): from a delegate, let it reach the
 * engine, which retries the job and then raises an incident. Case references and steps are
 * 1 to 24 letters, digits, {@code . _ -} ({@link PayoutKey}). Implementation:
 * {@link PayoutService}, which also reads a payout back ({@link PayoutService#find}).
 */
public interface Payouts {

  /** Refunds {@code amount} of the payment to its original means of payment, through the processor. */
  PayoutReceipt refundPayment(String caseReference, String step, String paymentId, Money amount);

  /** Credits {@code amount} to the customer's wallet (a credit for future services). */
  PayoutReceipt creditWallet(String caseReference, String step, String customerId, Money amount);
}
