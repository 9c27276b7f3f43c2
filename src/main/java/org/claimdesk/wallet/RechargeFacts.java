package org.claimdesk.wallet;

import java.time.Instant;

/**
 * What the recharge case needs to know, from the merchant's data.
 *
 * @param processorReference the recharge payment's reference at the processor, or null without a payment
 * @param checkAt WR-2: 72 hours after the payment (the order date without one)
 */
public record RechargeFacts(
    String customerId,
    String customerName,
    long amount,
    String currency,
    String processorReference,
    Instant checkAt,
    boolean alreadyCredited,
    boolean payerNameMatches,
    String summary) {
}
