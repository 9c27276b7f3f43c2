package org.claimdesk.discrepancy;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.commerce.Money;
import org.springframework.stereotype.Component;

/**
 * Task_LoadPaymentFacts: the payment and its order from the merchant data, and PD-2: was the
 * report made within 60 days of the payment's capture?
 */
@Component
public class LoadPaymentFactsDelegate implements JavaDelegate {

  private final DiscrepancyFacts facts;
  private final DiscrepancyTimes times;
  private final Clock clock;

  public LoadPaymentFactsDelegate(DiscrepancyFacts facts, DiscrepancyTimes times, Clock clock) {
    this.facts = facts;
    this.times = times;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    DiscrepancyFacts.Facts loaded = facts.load(v.paymentId());
    Instant capturedAt = loaded.payment().capturedAt();
    Money expected = v.raw(DiscrepancyVariables.EXPECTED_AMOUNT) == null ? null
        : new Money(((Number) v.raw(DiscrepancyVariables.EXPECTED_AMOUNT)).longValue(),
            loaded.payment().money().currency());
    v.set(DiscrepancyVariables.CUSTOMER_ID, loaded.order().customer().id());
    v.set(DiscrepancyVariables.CUSTOMER_NAME, loaded.order().customer().name());
    v.set(DiscrepancyVariables.ORDER_ID, loaded.order().id());
    v.set(DiscrepancyVariables.AMOUNT, loaded.payment().amount());
    v.set(DiscrepancyVariables.CURRENCY, loaded.payment().currency());
    v.set(DiscrepancyVariables.ORDER_AMOUNT, loaded.order().amount());
    v.set(DiscrepancyVariables.CAPTURED_AT, Date.from(capturedAt));
    v.set(DiscrepancyVariables.WITHIN_REPORT_WINDOW, !clock.instant().isAfter(times.reportWindowEnd(capturedAt)));
    v.set(DiscrepancyVariables.PAYMENT_SUMMARY, DiscrepancyFacts.summary(loaded));
    v.set(DiscrepancyVariables.REPORT_SUMMARY, v.string(DiscrepancyVariables.REPORT_KIND) + " reported by "
        + v.string(DiscrepancyVariables.REPORT_CHANNEL) + (expected == null ? "" : ", expected " + expected)
        + ":\n" + v.string(DiscrepancyVariables.REPORT_DESCRIPTION));
    v.set(DiscrepancyVariables.ROUND, 1);
  }
}
