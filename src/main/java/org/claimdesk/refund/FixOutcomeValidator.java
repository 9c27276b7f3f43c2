package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_AttemptFix, on complete: fixed, or an offer of a partial refund or a credit (RF-4). */
@Component
public class FixOutcomeValidator implements TaskListener {

  private final RefundSteps steps;

  public FixOutcomeValidator(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    RefundFormRules.checkFix(RefundVariables.of(task), () -> steps.refundable(reference));
  }
}
