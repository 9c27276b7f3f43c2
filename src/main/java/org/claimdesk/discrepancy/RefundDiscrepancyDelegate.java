package org.claimdesk.discrepancy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.payment.PayoutReceipt;
import org.springframework.stereotype.Component;

/**
 * Task_RefundPayment (PD-4), asynchronous with retries: the refund through the processor, once
 * per case and round (key {@code <case>:refund-<round>}); a retry after a crash repeats the same
 * request and the processor answers with the first refund.
 */
@Component
public class RefundDiscrepancyDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;

  public RefundDiscrepancyDelegate(DiscrepancySteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    // the payment and the amount are the round's decision, from the database
    PayoutReceipt receipt = steps.refund(execution.getProcessBusinessKey(), v.round());
    v.set(DiscrepancyVariables.ADJUSTMENT_REFERENCE, receipt.reference());
  }
}
