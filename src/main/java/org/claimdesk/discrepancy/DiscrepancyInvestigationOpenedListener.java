package org.claimdesk.discrepancy;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/**
 * Task_InvestigateDiscrepancy, on create (SL-1): the case is in review with a reply due by the task's due
 * date; the form starts with the next step and the request empty, not with the last round's.
 */
@Component
public class DiscrepancyInvestigationOpenedListener implements TaskListener {

  private final DiscrepancySteps steps;

  public DiscrepancyInvestigationOpenedListener(DiscrepancySteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    DiscrepancyVariables v = DiscrepancyVariables.of(task);
    v.set(DiscrepancyVariables.INVESTIGATION_STEP, null);
    v.set(DiscrepancyVariables.REQUEST_TEXT, null);
    v.set(DiscrepancyVariables.REPLY_DUE_TEXT, FirstReplySteps.staffTime(task.getDueDate().toInstant()));
    steps.investigationOpened(v.caseReference(), task.getDueDate().toInstant());
  }
}
