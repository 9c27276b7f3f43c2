package org.claimdesk.refund;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.Payment;

/**
 * What the eligibility decision needs to know about the order, computed from the merchant's
 * data (never from what the customer typed), plus what the forms show. Days are whole calendar
 * days in UTC, so a claim on day 7 is within 7 days and one on day 8 is not.
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

  /**
   * The facts of {@code order} on {@code today} (RF-2: order date, RF-3: purchase date, RF-4:
   * service date); {@code captured} is its earliest captured payment, or null.
   */
  static ClaimFacts of(Order order, Payment captured, LocalDate today) {
    long sinceOrder = days(order.orderedAt(), today);
    long sincePurchase = captured == null ? sinceOrder : days(captured.capturedAt(), today);
    long sinceService = order.serviceDate() == null ? sinceOrder
        : ChronoUnit.DAYS.between(order.serviceDate(), today);
    return new ClaimFacts(order.customer().id(), order.customer().name(),
        captured == null ? null : captured.id(), order.productType().name(), order.serviceStatus().name(),
        sinceOrder, sincePurchase, sinceService, order.amount(), order.currency(), summary(order));
  }

  /** The order's amount. */
  public Money orderMoney() {
    return Money.of(orderAmount, currency);
  }

  private static long days(Instant instant, LocalDate today) {
    return ChronoUnit.DAYS.between(LocalDate.ofInstant(instant, ZoneOffset.UTC), today);
  }

  static String summary(Order order) {
    StringBuilder text = new StringBuilder()
        .append(order.id()).append(" · ").append(order.productType()).append(" · ")
        .append(order.description()).append(" · ").append(order.money())
        .append(" · ordered ").append(LocalDate.ofInstant(order.orderedAt(), ZoneOffset.UTC));
    if (order.serviceDate() != null) {
      text.append(" · service date ").append(order.serviceDate());
    }
    return text.append(" · ").append(order.serviceStatus()).toString();
  }
}
