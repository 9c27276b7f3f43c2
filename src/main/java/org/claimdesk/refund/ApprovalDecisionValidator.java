package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_ApproveOffer, on complete: approve (possibly another amount) or refuse citing a rule (RF-7). */
@Component
public class ApprovalDecisionValidator implements TaskListener {

  private final RefundSteps steps;

  public ApprovalDecisionValidator(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    RefundFormRules.checkApproval(RefundVariables.of(task), () -> steps.refundable(reference));
  }
}
