package org.claimdesk.discrepancy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AnswerOutsideWindow (PD-2): reported more than 60 days after the payment; answered at once. */
@Component
public class AnswerOutsideWindowDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;
  private final DiscrepancyTimes times;

  public AnswerOutsideWindowDelegate(DiscrepancySteps steps, DiscrepancyTimes times) {
    this.steps = steps;
    this.times = times;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    steps.answerOutsideWindow(v.caseReference(), v.capturedAt(), times.reportWindowEnd(v.capturedAt()));
  }
}
