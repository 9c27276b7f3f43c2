package org.claimdesk.refund;

import static org.claimdesk.refund.RefundVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewClaim, on create: the case is in review and a reply is owed by the task's due date
 * (SL-1); any earlier offer is withdrawn; the form's facts are brought up to date.
 */
@Component
public class ReviewOpenedListener implements TaskListener {

  private final RefundSteps steps;

  public ReviewOpenedListener(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    RefundVariables v = RefundVariables.of(task);
    String reference = v.caseReference();
    steps.reviewOpened(reference, task.getDueDate().toInstant());
    v.set(EVIDENCE_SUMMARY, steps.evidenceSummary(reference));
    v.set(POLICY_VERDICT, RefundSteps.policyVerdict(v.string(VERDICT), v.string(RULE_ID), v.flag(EVIDENCE_REQUIRED)));
    v.set(REPLY_DUE_TEXT, FirstReplySteps.staffTime(task.getDueDate().toInstant()));
  }
}
