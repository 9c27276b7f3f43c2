package org.claimdesk.discrepancy;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/** Task_NoteCustomerSilent: no details in 7 days; the investigation goes on with what it has. */
@Component
public class NoteCustomerSilentDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;
  private final Clock clock;

  public NoteCustomerSilentDelegate(DiscrepancySteps steps, Clock clock) {
    this.steps = steps;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    steps.resumeInvestigation(v.caseReference());
    v.addNote(FirstReplySteps.staffTime(clock.instant()) + " No details from the customer by the deadline.");
  }
}
