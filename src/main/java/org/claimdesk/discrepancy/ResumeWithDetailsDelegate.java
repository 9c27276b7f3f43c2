package org.claimdesk.discrepancy;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/** Task_ResumeWithDetails: the customer sent details; the investigation goes on with them. */
@Component
public class ResumeWithDetailsDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;
  private final Clock clock;

  public ResumeWithDetailsDelegate(DiscrepancySteps steps, Clock clock) {
    this.steps = steps;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    steps.resumeInvestigation(v.caseReference());
    v.addNote(FirstReplySteps.staffTime(clock.instant()) + " The customer sent details (see their files).");
  }
}
