package org.claimdesk.discrepancy;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/** Task_NoteProcessorSilent (PD-3): no answer by the deadline; the investigation goes on without it. */
@Component
public class NoteProcessorSilentDelegate implements JavaDelegate {

  private final Clock clock;

  public NoteProcessorSilentDelegate(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    v.addNote(FirstReplySteps.staffTime(clock.instant()) + " No answer from "
        + Notes.whom(v.string(DiscrepancyVariables.INSTITUTION)) + " by the deadline.");
  }
}
