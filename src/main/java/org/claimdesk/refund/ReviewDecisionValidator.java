package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_ReviewClaim, on complete: the agent's decision must be one the process can act on (see RefundFormRules). */
@Component
public class ReviewDecisionValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    RefundFormRules.checkReview(RefundVariables.of(task));
  }
}
