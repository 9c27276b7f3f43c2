package org.claimdesk.metrics;

import java.time.Duration;
import java.util.Locale;

import org.claimdesk.cases.CaseEvent;
import org.claimdesk.cases.CaseType;
import org.claimdesk.payment.PayoutSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The one place Claimdesk counts what happens to cases and money (Micrometer, shown in
 * Prometheus format at {@code /actuator/prometheus}). It listens to the {@link CaseEvent}s of the
 * case record and to {@link PayoutSucceeded}, after their transaction commits: a step that rolls
 * back counts nothing, and a retried job counts once. Each node counts what it did; Prometheus
 * sums the nodes.
 *
 * <table>
 *   <caption>Meters (Prometheus names)</caption>
 *   <tr><td>{@code claimdesk_cases_opened_total{process}}</td><td>cases opened</td></tr>
 *   <tr><td>{@code claimdesk_cases_closed_total{process, status, outcome}}</td><td>cases whose status became final</td></tr>
 *   <tr><td>{@code claimdesk_first_reply_seconds{process}}</td><td>histogram: from opening to the first reply from staff (SL-1), buckets at 24 h and 48 h among others</td></tr>
 *   <tr><td>{@code claimdesk_sla_breaches_total{process}}</td><td>first replies later than 48 h (SL-1)</td></tr>
 *   <tr><td>{@code claimdesk_payouts_total{kind, currency}}</td><td>payouts that succeeded</td></tr>
 *   <tr><td>{@code claimdesk_payout_amount_minor_units{kind, currency}}</td><td>their amounts, in minor units (count, sum, max)</td></tr>
 * </table>
 */
@Component
class ClaimdeskMetrics {

  private static final Logger log = LoggerFactory.getLogger(ClaimdeskMetrics.class);

  static final String CASES_OPENED = "claimdesk.cases.opened";
  static final String CASES_CLOSED = "claimdesk.cases.closed";
  static final String FIRST_REPLY = "claimdesk.first.reply";
  static final String SLA_BREACHES = "claimdesk.sla.breaches";
  static final String PAYOUTS = "claimdesk.payouts";
  static final String PAYOUT_AMOUNT = "claimdesk.payout.amount";

  private final MeterRegistry registry;

  ClaimdeskMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Every process shows its counters from the start, at zero, so a rate is defined at once.
    for (CaseType type : CaseType.values()) {
      opened(type);
      slaBreaches(type);
      firstReply(type);
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CaseEvent event) {
    try {
      if (event instanceof CaseEvent.Opened opened) {
        opened(opened.type()).increment();
      } else if (event instanceof CaseEvent.Closed closed) {
        Counter.builder(CASES_CLOSED)
            .description("Cases whose status became final (RESOLVED, REJECTED, CLOSED)")
            .tag("process", closed.type().processKey())
            .tag("status", closed.status().name())
            .tag("outcome", closed.outcome() == null ? "NONE" : closed.outcome().name())
            .register(registry)
            .increment();
      } else if (event instanceof CaseEvent.FirstReplied replied) {
        firstReply(replied.type()).record(replied.waited().isNegative() ? Duration.ZERO : replied.waited());
      } else if (event instanceof CaseEvent.SlaBreached breached) {
        slaBreaches(breached.type()).increment();
      }
    } catch (RuntimeException e) {
      // Never let counting disturb the step that already committed.
      log.warn("Could not count {} of case {}", event.getClass().getSimpleName(), event.reference(), e);
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(PayoutSucceeded payout) {
    try {
      String kind = payout.kind().name();
      String currency = payout.amount().currencyCode().toUpperCase(Locale.ROOT);
      Counter.builder(PAYOUTS)
          .description("Payouts that succeeded (refunds and wallet credits)")
          .tag("kind", kind).tag("currency", currency)
          .register(registry)
          .increment();
      DistributionSummary.builder(PAYOUT_AMOUNT)
          .description("Amounts of the payouts that succeeded")
          .baseUnit("minor_units")
          .tag("kind", kind).tag("currency", currency)
          .register(registry)
          .record(payout.amount().amount());
    } catch (RuntimeException e) {
      log.warn("Could not count payout {}", payout.idempotencyKey(), e);
    }
  }

  private Counter opened(CaseType type) {
    return Counter.builder(CASES_OPENED)
        .description("Cases opened")
        .tag("process", type.processKey())
        .register(registry);
  }

  private Counter slaBreaches(CaseType type) {
    return Counter.builder(SLA_BREACHES)
        .description("First replies later than due (SL-1, 48 h)")
        .tag("process", type.processKey())
        .register(registry);
  }

  private Timer firstReply(CaseType type) {
    return Timer.builder(FIRST_REPLY)
        .description("Time from a case's opening to its first reply from staff (SL-1)")
        .tag("process", type.processKey())
        .serviceLevelObjectives(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12),
            Duration.ofHours(24), Duration.ofHours(36), Duration.ofHours(48), Duration.ofHours(72),
            Duration.ofDays(7))
        .register(registry);
  }
}
