package org.claimdesk.wallet;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

import org.claimdesk.cases.ServiceLevels;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.commerce.WalletLedger;
import org.springframework.stereotype.Service;

/** Loads a recharge order's facts: its payment, the 72-hour mark (WR-2), whether it is credited. */
@Service
public class RechargeFactsLoader {

  private final OrderService orders;
  private final PaymentService payments;
  private final WalletLedger ledger;
  private final ServiceLevels serviceLevels;

  public RechargeFactsLoader(OrderService orders, PaymentService payments, WalletLedger ledger,
      ServiceLevels serviceLevels) {
    this.orders = orders;
    this.payments = payments;
    this.ledger = ledger;
    this.serviceLevels = serviceLevels;
  }

  public RechargeFacts load(String orderId, String payerName) {
    Order order = orders.findOrder(orderId)
        .orElseThrow(() -> new IllegalStateException("Order " + orderId + " of a wallet case does not exist"));
    Payment payment = payments.paymentsOfOrder(orderId).stream()
        .max(Comparator.comparing((Payment p) -> p.status() == Payment.Status.CAPTURED)
            .thenComparing(Payment::capturedAt))
        .orElse(null);
    Instant paidAt = payment == null ? order.orderedAt() : payment.capturedAt();
    String summary = order.id() + " · wallet recharge of " + order.money() + " · "
        + (payment == null ? "no payment recorded" : "payment " + payment.id() + " " + payment.status()
            + " at " + paidAt + " (processor reference " + payment.processorReference() + ")");
    return new RechargeFacts(order.customer().id(), order.customer().name(), order.amount(), order.currency(),
        payment == null ? null : payment.processorReference(), serviceLevels.rechargeCheckAt(paidAt),
        ledger.findRechargeCredit(orderId).isPresent(), sameName(payerName, order.customer().name()), summary);
  }

  /** Names compared as people write them: case, accents and spacing aside. */
  static boolean sameName(String a, String b) {
    return a != null && b != null && normalize(a).equals(normalize(b));
  }

  private static String normalize(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
