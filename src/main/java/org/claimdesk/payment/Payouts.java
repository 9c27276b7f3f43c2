package org.claimdesk.payment;

import org.claimdesk.commerce.Money;

/**
 * Moves a case's money exactly once, across retries, crashes and nodes: each payout has an
 * idempotency key {@code <caseReference>:<step>}, recorded before the money moves and unique in
 * the database. Calling again with the same case and step returns the first payout's receipt
 * and moves nothing more (and a different amount for the same key is refused).
 */
public interface Payouts {

  /** Refunds {@code amount} of the payment to its original means of payment, through the processor. */
  PayoutReceipt refundPayment(String caseReference, String step, String paymentId, Money amount);

  /** Credits {@code amount} to the customer's wallet (a credit for future services). */
  PayoutReceipt creditWallet(String caseReference, String step, String customerId, Money amount);
}
