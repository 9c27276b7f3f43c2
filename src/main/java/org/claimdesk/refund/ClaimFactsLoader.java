package org.claimdesk.refund;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.springframework.stereotype.Service;

/**
 * Loads an order's facts for the claim windows (RF-2: order date, RF-3: purchase date, RF-4:
 * service date). Days are whole calendar days in UTC, so a claim on day 7 is within 7 days and
 * one on day 8 is not.
 */
@Service
public class ClaimFactsLoader {

  private final OrderService orders;
  private final PaymentService payments;
  private final Clock clock;

  public ClaimFactsLoader(OrderService orders, PaymentService payments, Clock clock) {
    this.orders = orders;
    this.payments = payments;
    this.clock = clock;
  }

  public ClaimFacts load(String orderId) {
    Order order = orders.findOrder(orderId)
        .orElseThrow(() -> new IllegalStateException("Order " + orderId + " of a refund case does not exist"));
    Payment captured = payments.paymentsOfOrder(orderId).stream()
        .filter(payment -> payment.status() == Payment.Status.CAPTURED)
        .min(Comparator.comparing(Payment::capturedAt))
        .orElse(null);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    long sinceOrder = days(order.orderedAt(), today);
    long sincePurchase = captured == null ? sinceOrder : days(captured.capturedAt(), today);
    long sinceService = order.serviceDate() == null ? sinceOrder
        : ChronoUnit.DAYS.between(order.serviceDate(), today);
    return new ClaimFacts(order.customer().id(), order.customer().name(),
        captured == null ? null : captured.id(), order.productType().name(), order.serviceStatus().name(),
        sinceOrder, sincePurchase, sinceService, order.amount(), order.currency(), summary(order));
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
