package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseNoEvidence, Task_CloseNoAnswer: 7 days without an answer close the case. */
@Component
public class CloseForSilenceDelegate implements JavaDelegate {

  private final RefundSteps steps;

  public CloseForSilenceDelegate(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RefundVariables v = RefundVariables.of(execution);
    steps.closeForSilence(v.caseReference());
  }
}
