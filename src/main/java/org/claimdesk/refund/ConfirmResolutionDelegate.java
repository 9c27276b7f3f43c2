package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ConfirmRefund, Task_ConfirmCredit, Task_ConfirmResolution: records the outcome and tells the customer. */
@Component
public class ConfirmResolutionDelegate implements JavaDelegate {

  private final RefundSteps steps;

  public ConfirmResolutionDelegate(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RefundVariables v = RefundVariables.of(execution);
    steps.confirm(execution.getProcessBusinessKey(), v.resolution(), v.string(RefundVariables.OFFER_DESCRIPTION),
        v.string(RefundVariables.REPLY_MESSAGE));
  }
}
