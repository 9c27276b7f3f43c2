package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_ReviewClaim, on complete: the agent's decision must be one the process can act on (see RefundFormRules). */
@Component
public class ReviewDecisionValidator implements TaskListener {

  private final RefundSteps steps;

  public ReviewDecisionValidator(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    RefundFormRules.checkReview(RefundVariables.of(task), () -> steps.refundable(reference));
  }
}
