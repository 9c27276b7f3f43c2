package org.claimdesk.cancellation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/** Task_ReviewClaim of a cancellation, on create: in review, a reply due by the task's due date (SL-1). */
@Component
public class CancellationReviewOpenedListener implements TaskListener {

  private final CancellationSteps steps;

  public CancellationReviewOpenedListener(CancellationSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    CancellationVariables v = CancellationVariables.of(task);
    steps.reviewOpened(v.caseReference(), task.getDueDate().toInstant());
    v.set(CancellationVariables.POLICY_VERDICT, "Review under " + v.string(CancellationVariables.RULE_ID)
        + ": a billing error or a service issue may be refunded");
    v.set(CancellationVariables.REPLY_DUE_TEXT, FirstReplySteps.staffTime(task.getDueDate().toInstant()));
  }
}
