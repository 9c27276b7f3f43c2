package org.claimdesk.commerce;

import java.time.Instant;

/**
 * A stored subscription: the shop's fields plus the state Claimdesk keeps itself while it
 * handles a cancellation ({@code billingActive}, {@code cancelledAt}, {@code accessEndsAt},
 * {@code refundedAmount}, in minor units of {@code currency}). The answer of
 * {@code POST /api/subscriptions} and {@code GET /api/subscriptions/{id}}.
 */
public record Subscription(
    String id,
    String customerId,
    String orderId,
    String plan,
    Long amount,
    String currency,
    Instant cycleStart,
    Instant cycleEnd,
    String lastPaymentId,
    Status status,
    boolean billingActive,
    Instant cancelledAt,
    Instant accessEndsAt,
    Long refundedAmount) {

  public enum Status { ACTIVE, CANCELLED }

  /** The price of one cycle as {@link Money}. */
  public Money money() {
    return Money.of(amount, currency);
  }

  /** The fields the shop reported, to compare a replayed post with what is stored. */
  SubscriptionRequest shopFields() {
    return new SubscriptionRequest(id, customerId, orderId, plan, amount, currency, cycleStart,
        cycleEnd, lastPaymentId, status);
  }
}
