package org.claimdesk.cancellation;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RefundLastPayment (async, retried): the refund goes back to the last payment, exactly once per case. */
@Component
public class RefundLastPaymentDelegate implements JavaDelegate {

  private final CancellationSteps steps;

  public RefundLastPaymentDelegate(CancellationSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the case is the business key; the decided amount, its subscription and that subscription's
    // last payment come from the database
    steps.refundLastPayment(execution.getProcessBusinessKey());
  }
}
