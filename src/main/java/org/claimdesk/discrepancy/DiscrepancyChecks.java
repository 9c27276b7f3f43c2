package org.claimdesk.discrepancy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.payment.PaymentProcessor;
import org.claimdesk.payment.ProcessorCharge;
import org.springframework.stereotype.Service;

/**
 * The automatic checks of a reported payment (PD-3), against the merchant data and the
 * processor's record: a duplicate charge (another captured payment of the same order, hence the
 * same customer, for the same amount, within {@code claimdesk.discrepancy.duplicate-window}), an
 * amount other than the order's, a charge the processor does not know or records otherwise, and
 * money refunded already. Reads only; nothing moves.
 */
@Service
public class DiscrepancyChecks {

  /**
   * What the checks found.
   *
   * @param duplicatePaymentId the later payment of a duplicate pair (the one to refund), or null
   * @param duplicateConfirmed a duplicate charge was reported and the checks prove it beyond
   *     doubt: both charges captured by the processor for the same amount, nothing refunded on the
   *     duplicate; the refund needs no investigator then
   */
  public record Result(List<CheckFinding> findings, String duplicatePaymentId, boolean duplicateConfirmed) {

    public Result {
      findings = List.copyOf(findings);
    }
  }

  private final PaymentService payments;
  private final PaymentProcessor processor;
  private final Duration duplicateWindow;

  public DiscrepancyChecks(PaymentService payments, PaymentProcessor processor, DiscrepancyProperties properties) {
    this.payments = payments;
    this.processor = processor;
    this.duplicateWindow = properties.duplicateWindow();
  }

  public Result check(Payment reported, Order order, DiscrepancyKind kind) {
    List<CheckFinding> findings = new ArrayList<>();

    Optional<Payment> twin = duplicateOf(reported);
    String duplicateId = null;
    if (twin.isPresent()) {
      Payment other = twin.get();
      Payment later = later(reported, other);
      duplicateId = later.id();
      findings.add(new CheckFinding(CheckFinding.Code.DUPLICATE_CHARGE, other.id(), reported.money(), other.money()));
    }
    if (!reported.money().equals(order.money())) {
      findings.add(new CheckFinding(CheckFinding.Code.AMOUNT_DIFFERS_FROM_ORDER, null, reported.money(),
          order.money()));
    }
    Optional<ProcessorCharge> charge = processor.findCharge(reported.processorReference());
    if (charge.isEmpty()) {
      findings.add(CheckFinding.of(CheckFinding.Code.UNKNOWN_TO_PROCESSOR));
    } else {
      ProcessorCharge record = charge.get();
      if (!record.amount().equals(reported.money()) || !record.status().name().equals(reported.status().name())) {
        findings.add(new CheckFinding(CheckFinding.Code.PROCESSOR_RECORD_DIFFERS, null, reported.money(),
            record.amount()));
      }
      if (record.refunded().isPositive()) {
        findings.add(new CheckFinding(CheckFinding.Code.ALREADY_REFUNDED, null, record.refunded(), null));
      }
    }
    if (findings.isEmpty()) {
      findings.add(CheckFinding.of(CheckFinding.Code.NOTHING_FOUND));
    }
    boolean confirmed = kind == DiscrepancyKind.DUPLICATE_CHARGE && twin.isPresent()
        && capturedUntouched(reported, charge)
        && capturedUntouched(twin.get(), processor.findCharge(twin.get().processorReference()));
    return new Result(findings, duplicateId, confirmed);
  }

  /** The other captured payment of the order for the same money closest in time, within the window. */
  private Optional<Payment> duplicateOf(Payment reported) {
    if (reported.status() != Payment.Status.CAPTURED) {
      return Optional.empty();
    }
    return payments.paymentsOfOrder(reported.orderId()).stream()
        .filter(p -> !p.id().equals(reported.id()))
        .filter(p -> p.status() == Payment.Status.CAPTURED)
        .filter(p -> p.money().equals(reported.money()))
        .filter(p -> distance(p, reported).compareTo(duplicateWindow) <= 0)
        .min(Comparator.comparing((Payment p) -> distance(p, reported)).thenComparing(Payment::id));
  }

  /** The processor captured the payment's charge for its amount and refunded nothing of it. */
  private static boolean capturedUntouched(Payment payment, Optional<ProcessorCharge> charge) {
    return charge
        .filter(c -> c.status() == ProcessorCharge.Status.CAPTURED)
        .filter(c -> c.amount().equals(payment.money()))
        .filter(c -> c.refunded().isZero())
        .isPresent();
  }

  /** The later of two payments by capture time (by id when captured at the same instant). */
  static Payment later(Payment a, Payment b) {
    int byTime = a.capturedAt().compareTo(b.capturedAt());
    if (byTime != 0) {
      return byTime > 0 ? a : b;
    }
    return a.id().compareTo(b.id()) > 0 ? a : b;
  }

  private static Duration distance(Payment a, Payment b) {
    return Duration.between(a.capturedAt(), b.capturedAt()).abs();
  }

  /** The findings as the investigator reads them on the form, one line each. */
  public static String summary(List<CheckFinding> findings) {
    return String.join("\n", findings.stream().map(DiscrepancyChecks::line).toList());
  }

  private static String line(CheckFinding f) {
    return switch (f.code()) {
      case DUPLICATE_CHARGE -> "Duplicate charge: payment " + f.relatedPaymentId() + " of the same order took "
          + f.otherAmount() + " too, within the duplicate window.";
      case AMOUNT_DIFFERS_FROM_ORDER -> "Amount differs from the order: charged " + f.amount() + ", the order is "
          + f.otherAmount() + ".";
      case UNKNOWN_TO_PROCESSOR -> "The processor does not know this payment's charge.";
      case PROCESSOR_RECORD_DIFFERS -> "The processor's record differs: the shop recorded " + f.amount()
          + ", the processor " + f.otherAmount() + " (or another status).";
      case ALREADY_REFUNDED -> "Already refunded on this charge: " + f.amount() + ".";
      case NOTHING_FOUND -> "The checks found nothing wrong with the payment.";
    };
  }
}
