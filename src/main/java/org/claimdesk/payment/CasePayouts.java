package org.claimdesk.payment;

import org.claimdesk.commerce.Money;

/**
 * Money out of a case, with every fact taken from the database (issue #20 point 2). The process
 * steps name the case and the step; the customer a credit goes to is the case's customer, a
 * refunded payment must be one of that customer's, and no payout goes beyond what the case's
 * subject (the order, the subscription's last payment, the reported payment) was worth, less
 * what Claimdesk already paid out for it (refunds and credits of any case on the same subject,
 * and every refund of the same payment). A process variable can therefore neither redirect money
 * nor raise an amount past the merchant's records. {@link Payouts} below then makes each payout
 * exactly once.
 *
 * <p>What was already paid counts every payout not FAILED, except the one under this very key
 * (a retry of a payout is checked again against the others, never against itself).
 */
public interface CasePayouts {

  /** What a case's subject was worth, what was paid out for it, and what may still be. */
  record Limit(String customerId, Money worth, Money paidOut) {
    public Money remaining() {
      return worth.minus(paidOut);
    }
  }

  /**
   * Refunds {@code amount} of {@code paymentId}, which must be a payment of the case's customer.
   *
   * @throws PayoutRefusedException another customer's payment, or more than is left
   */
  PayoutReceipt refund(String caseReference, String step, String paymentId, Money amount);

  /**
   * Credits {@code amount} to the wallet of the case's customer.
   *
   * @throws PayoutRefusedException more than is left
   */
  PayoutReceipt credit(String caseReference, String step, Money amount);

  /** What may still be paid out on the case's subject (for the forms' checks). */
  Limit limit(String caseReference);
}
