package org.claimdesk.discrepancy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindProcessor (PD-3): the answer is late; finance's team lead is told, the wait goes on to the deadline. */
@Component
public class RemindProcessorDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;

  public RemindProcessorDelegate(DiscrepancySteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    steps.remindProcessor(v.caseReference(), v.string(DiscrepancyVariables.INSTITUTION),
        v.string(DiscrepancyVariables.REQUEST_TEXT));
  }
}
