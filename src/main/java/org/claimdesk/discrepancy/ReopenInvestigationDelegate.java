package org.claimdesk.discrepancy;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/**
 * Task_ReopenInvestigation (PD-6): the customer is not satisfied. A new round begins (its money
 * moves under new keys, its document is a new one); a manager reviews first.
 */
@Component
public class ReopenInvestigationDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;
  private final Clock clock;

  public ReopenInvestigationDelegate(DiscrepancySteps steps, Clock clock) {
    this.steps = steps;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    String comment = v.string(DiscrepancyVariables.FEEDBACK_COMMENT);
    v.set(DiscrepancyVariables.ROUND, v.round() + 1);
    v.set(DiscrepancyVariables.REPLY_DUE_TEXT, FirstReplySteps.staffTime(steps.reopen(v.caseReference())));
    v.set(DiscrepancyVariables.REVIEW_OUTCOME, null);
    v.set(DiscrepancyVariables.MANAGER_NOTE, null);
    v.addNote(FirstReplySteps.staffTime(clock.instant()) + " The customer is not satisfied"
        + (comment == null || comment.isBlank() ? "." : ": " + comment));
  }
}
