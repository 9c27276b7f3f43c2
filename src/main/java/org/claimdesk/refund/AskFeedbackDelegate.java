package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AskFeedback (RF-8): some days after the resolution, ask how it went. */
@Component
public class AskFeedbackDelegate implements JavaDelegate {

  private final RefundSteps steps;

  public AskFeedbackDelegate(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RefundVariables v = RefundVariables.of(execution);
    steps.askFeedback(v.caseReference());
  }
}
