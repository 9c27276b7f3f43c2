package org.claimdesk.discrepancy;

import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Service;

/** Loads the reported payment and its order from the merchant data (never from what the customer typed). */
@Service
public class DiscrepancyFacts {

  /** The payment and the order it paid for. */
  public record Facts(Payment payment, Order order) {
  }

  private final PaymentService payments;
  private final OrderService orders;

  public DiscrepancyFacts(PaymentService payments, OrderService orders) {
    this.payments = payments;
    this.orders = orders;
  }

  public Facts load(String paymentId) {
    Payment payment = payments.findPayment(paymentId)
        .orElseThrow(() -> new IllegalStateException("No payment " + paymentId));
    Order order = orders.findOrder(payment.orderId())
        .orElseThrow(() -> new IllegalStateException("No order " + payment.orderId() + " of payment " + paymentId));
    return new Facts(payment, order);
  }

  /** The payment as the forms show it. */
  public static String summary(Facts facts) {
    Payment p = facts.payment();
    Order o = facts.order();
    return "Payment " + p.id() + ": " + p.money() + ", " + p.status() + " on "
        + FirstReplySteps.staffTime(p.capturedAt()) + ", processor reference " + p.processorReference() + "\n"
        + "Order " + o.id() + ": " + o.description() + ", " + o.money() + ", ordered "
        + FirstReplySteps.staffTime(o.orderedAt());
  }
}
