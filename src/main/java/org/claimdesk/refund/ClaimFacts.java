package org.claimdesk.refund;

import org.claimdesk.commerce.Money;

/**
 * What the eligibility decision needs to know about the order, computed from the merchant's
 * data (never from what the customer typed), plus what the forms show.
 *
 * @param paymentId the earliest captured payment of the order, or null
 * @param daysSincePurchase whole days since that payment's capture (the order date without one)
 * @param daysSinceService whole days since the service date (the order date without one)
 */
public record ClaimFacts(
    String customerId,
    String customerName,
    String paymentId,
    String productType,
    String serviceStatus,
    long daysSinceOrder,
    long daysSincePurchase,
    long daysSinceService,
    long orderAmount,
    String currency,
    String orderSummary) {

  /** The order's amount. */
  public Money orderMoney() {
    return Money.of(orderAmount, currency);
  }
}
