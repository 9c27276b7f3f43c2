package org.claimdesk.discrepancy;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/** Task_RecordProcessorAnswer (PD-3): the answer joins the investigation notes the investigator reads next. */
@Component
public class RecordProcessorAnswerDelegate implements JavaDelegate {

  private final Clock clock;

  public RecordProcessorAnswerDelegate(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    v.addNote(FirstReplySteps.staffTime(clock.instant()) + " Answer from "
        + Notes.whom(v.string(DiscrepancyVariables.ANSWERED_BY)) + ": " + v.string(DiscrepancyVariables.PROCESSOR_ANSWER));
  }
}
