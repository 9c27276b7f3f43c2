package org.claimdesk.discrepancy;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/** Task_AskProcessor (PD-3): the investigator's request is noted; the customer learns whom we asked, and until when. */
@Component
public class AskProcessorDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;
  private final Clock clock;

  public AskProcessorDelegate(DiscrepancySteps steps, Clock clock) {
    this.steps = steps;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    String institution = v.string(DiscrepancyVariables.INSTITUTION);
    Instant answerDueBy = steps.askProcessor(v.caseReference(), institution);
    v.addNote(FirstReplySteps.staffTime(clock.instant()) + " Asked " + Notes.whom(institution) + ", answer due by "
        + FirstReplySteps.staffTime(answerDueBy) + ": " + v.string(DiscrepancyVariables.REQUEST_TEXT));
    v.set(DiscrepancyVariables.PROCESSOR_ANSWER, null);
    v.set(DiscrepancyVariables.ANSWERED_BY, null);
  }
}
