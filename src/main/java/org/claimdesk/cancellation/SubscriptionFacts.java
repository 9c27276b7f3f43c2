package org.claimdesk.cancellation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.Subscription;

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

  /** The facts of {@code subscription}, whose last payment is {@code last}, on {@code today}. */
  static SubscriptionFacts of(Subscription subscription, Payment last, String customerName, LocalDate today) {
    LocalDate paidOn = LocalDate.ofInstant(last.capturedAt(), ZoneOffset.UTC);
    String summary = subscription.id() + " · " + subscription.plan() + " · last payment " + last.id() + " of "
        + last.money() + " on " + paidOn
        + " · paid cycle ends " + LocalDate.ofInstant(subscription.cycleEnd(), ZoneOffset.UTC);
    return new SubscriptionFacts(subscription.customerId(), customerName, subscription.plan(), last.id(),
        last.amount(), last.currency(), ChronoUnit.DAYS.between(paidOn, today), subscription.cycleEnd(), summary);
  }
}
