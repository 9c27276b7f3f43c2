package org.claimdesk.refund;

import static org.claimdesk.refund.RefundVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_LoadClaimFacts: the order's facts for refundEligibility, and what the forms show. */
@Component
public class LoadClaimFactsDelegate implements JavaDelegate {

  private final ClaimFactsLoader loader;

  public LoadClaimFactsDelegate(ClaimFactsLoader loader) {
    this.loader = loader;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RefundVariables v = RefundVariables.of(execution);
    ClaimFacts facts = loader.load(v.orderId());
    v.set(CUSTOMER_ID, facts.customerId());
    v.set(CUSTOMER_NAME, facts.customerName());
    v.set(PAYMENT_ID, facts.paymentId());
    v.set(PRODUCT_TYPE, facts.productType());
    v.set(SERVICE_STATUS, facts.serviceStatus());
    v.set(DAYS_SINCE_ORDER, facts.daysSinceOrder());
    v.set(DAYS_SINCE_PURCHASE, facts.daysSincePurchase());
    v.set(DAYS_SINCE_SERVICE, facts.daysSinceService());
    v.set(ORDER_AMOUNT, facts.orderAmount());
    v.set(CURRENCY, facts.currency());
    v.set(ORDER_SUMMARY, facts.orderSummary());
  }
}
