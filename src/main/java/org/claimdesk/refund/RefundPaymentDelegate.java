package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RefundPayment (async, retried): refunds the offer's amount to the original payment, exactly once per case. */
@Component
public class RefundPaymentDelegate implements JavaDelegate {

  private final RefundSteps steps;

  public RefundPaymentDelegate(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the case is the process instance's business key; the payment and amount come from the database
    steps.refundPayment(execution.getProcessBusinessKey());
  }
}
