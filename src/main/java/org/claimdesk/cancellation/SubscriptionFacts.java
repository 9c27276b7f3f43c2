package org.claimdesk.cancellation;

import java.time.Instant;

/**
 * What the cancellation needs to know about the subscription, from the merchant's data.
 *
 * @param daysSinceLastPayment whole calendar days (UTC) since the last payment's capture (SC-3)
 */
public record SubscriptionFacts(
    String customerId,
    String customerName,
    String plan,
    String lastPaymentId,
    long lastPaymentAmount,
    String currency,
    long daysSinceLastPayment,
    Instant cycleEnd,
    String summary) {
}
