package org.claimdesk.cancellation;

import static org.claimdesk.cancellation.CancellationVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_LoadSubscription: the subscription's facts for cancellationRefund and the forms. */
@Component
public class LoadSubscriptionFactsDelegate implements JavaDelegate {

  private final SubscriptionFactsLoader loader;

  public LoadSubscriptionFactsDelegate(SubscriptionFactsLoader loader) {
    this.loader = loader;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CancellationVariables v = CancellationVariables.of(execution);
    SubscriptionFacts facts = loader.load(v.subscriptionId());
    v.set(CUSTOMER_ID, facts.customerId());
    v.set(CUSTOMER_NAME, facts.customerName());
    v.set(PLAN, facts.plan());
    v.set(LAST_PAYMENT_ID, facts.lastPaymentId());
    v.set(LAST_PAYMENT_AMOUNT, facts.lastPaymentAmount());
    v.set(CURRENCY, facts.currency());
    v.set(DAYS_SINCE_LAST_PAYMENT, facts.daysSinceLastPayment());
    v.set(CYCLE_END, Date.from(facts.cycleEnd()));
    v.set(ORDER_SUMMARY, facts.summary());
  }
}
