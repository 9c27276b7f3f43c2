package org.claimdesk.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.claimdesk.commerce.PaymentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Compares the processor's refunds with the payouts Claimdesk recorded ({@code claimdesk.payout}),
 * over the last {@code claimdesk.payment.reconciliation.window}. Run by the
 * {@code payout-reconciliation} process, whose job raises an incident for any mismatch
 * ({@link PayoutMismatchException}). What counts as a mismatch: {@link PayoutMismatch.Kind}.
 * Refunds without a Claimdesk key (made in the processor's dashboard) are counted, not compared.
 */
@Service
public class PayoutReconciliation {

  private static final Logger log = LoggerFactory.getLogger(PayoutReconciliation.class);

  /** Refunds are listed a little past now, so one made while the payouts are read is not missed. */
  private static final Duration LIST_AHEAD = Duration.ofMinutes(1);

  /** What a run compared and found. */
  public record Report(Instant from, Instant to, int refundsCompared, int refundsWithoutKey,
      int payoutsCompared, List<PayoutMismatch> mismatches) {
  }

  private final PaymentProcessor processor;
  private final PayoutRepository payouts;
  private final PaymentService payments;
  private final ReconciliationProperties properties;
  private final Clock clock;

  PayoutReconciliation(PaymentProcessor processor, PayoutRepository payouts, PaymentService payments,
      ReconciliationProperties properties, Clock clock) {
    this.processor = processor;
    this.payouts = payouts;
    this.payments = payments;
    this.properties = properties;
    this.clock = clock;
  }

  public Report reconcile() {
    Instant to = clock.instant();
    Instant from = to.minus(properties.window());
    List<ListedRefund> refunds = processor.refundsCreated(from, to.plus(LIST_AHEAD));
    List<Payout> recorded = payouts.refundsRecordedBetween(from, to);
    List<PayoutMismatch> mismatches = new ArrayList<>();

    Map<String, List<ListedRefund>> byKey = new LinkedHashMap<>();
    int withoutKey = 0;
    // Newest first, so the incident message, which has a limit, names the latest ones.
    List<ListedRefund> newestFirst = new ArrayList<>(refunds);
    Collections.reverse(newestFirst);
    for (ListedRefund refund : newestFirst) {
      if (refund.idempotencyKey() == null) {
        withoutKey++;
      } else {
        byKey.computeIfAbsent(refund.idempotencyKey(), k -> new ArrayList<>()).add(refund);
      }
    }
    byKey.forEach((key, keyed) -> compare(key, keyed, to, mismatches));

    Set<String> listedIds = new HashSet<>();
    refunds.forEach(r -> listedIds.add(r.refundId()));
    for (Payout payout : recorded) {
      if (payout.status() == Payout.Status.SUCCEEDED && !listedIds.contains(payout.reference())) {
        mismatches.add(new PayoutMismatch(PayoutMismatch.Kind.MISSING_AT_PROCESSOR, payout.idempotencyKey(),
            payout.reference(), "the payout is SUCCEEDED with refund " + payout.reference()
            + ", which the processor does not list"));
      }
    }
    mismatches.sort(Comparator.comparing(PayoutMismatch::kind));
    Report report = new Report(from, to, refunds.size(), withoutKey, recorded.size(), List.copyOf(mismatches));
    if (mismatches.isEmpty()) {
      log.info("Payout reconciliation {} to {}: {} refunds ({} without a Claimdesk key) and {} payouts agree",
          from, to, refunds.size(), withoutKey, recorded.size());
    } else {
      log.warn("Payout reconciliation {} to {}: {} mismatches: {}", from, to, mismatches.size(), mismatches);
    }
    return report;
  }

  private void compare(String key, List<ListedRefund> keyed, Instant now, List<PayoutMismatch> mismatches) {
    List<ListedRefund> live = keyed.stream().filter(r -> r.status() != ProcessorRefund.Status.FAILED).toList();
    if (live.size() > 1) {
      mismatches.add(new PayoutMismatch(PayoutMismatch.Kind.DUPLICATE_AT_PROCESSOR, key, null,
          live.size() + " refunds under one key: " + live.stream().map(r -> r.refundId() + " " + r.amount()).toList()));
    }
    Optional<Payout> found = payoutOf(key);
    if (found.isEmpty()) {
      live.forEach(r -> mismatches.add(new PayoutMismatch(PayoutMismatch.Kind.NO_PAYOUT, key, r.refundId(),
          "the processor refunded " + r.amount() + " on " + r.chargeReference() + " under this key; no payout is recorded")));
      return;
    }
    Payout payout = found.get();
    ListedRefund refund = keyed.stream().filter(r -> r.refundId().equals(payout.reference())).findFirst()
        .orElse(live.isEmpty() ? keyed.get(0) : live.get(0));
    String charge = payout.paymentId() == null ? null
        : payments.findPayment(payout.paymentId()).map(p -> p.processorReference()).orElse(null);
    if (!refund.amount().equals(payout.amount()) || (charge != null && !charge.equals(refund.chargeReference()))) {
      mismatches.add(new PayoutMismatch(PayoutMismatch.Kind.DIFFERENT_MONEY, key, refund.refundId(),
          "the payout is " + payout.describe() + "; the processor's refund is " + refund.amount() + " on "
          + refund.chargeReference()));
    }
    boolean pendingTooLong = payout.status() == Payout.Status.PENDING
        && payout.createdAt().plus(properties.grace()).isBefore(now);
    if (payout.status() == Payout.Status.SUCCEEDED && refund.status() == ProcessorRefund.Status.FAILED) {
      mismatches.add(new PayoutMismatch(PayoutMismatch.Kind.FAILED_AT_PROCESSOR, key, refund.refundId(),
          "the payout is SUCCEEDED, the processor reports the refund FAILED: the customer has not been paid"));
    } else if (refund.status() == ProcessorRefund.Status.SUCCEEDED
        && (payout.status() == Payout.Status.FAILED || pendingTooLong)) {
      mismatches.add(new PayoutMismatch(PayoutMismatch.Kind.UNRECORDED_AT_CLAIMDESK, key, refund.refundId(),
          "the processor refunded " + refund.amount() + ", the payout is " + payout.status()
          + " since " + payout.updatedAt()));
    }
  }

  private Optional<Payout> payoutOf(String key) {
    int colon = key.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    try {
      return payouts.find(new PayoutKey(key.substring(0, colon), key.substring(colon + 1)));
    } catch (IllegalArgumentException notAPayoutKey) {
      return Optional.empty();
    }
  }
}
