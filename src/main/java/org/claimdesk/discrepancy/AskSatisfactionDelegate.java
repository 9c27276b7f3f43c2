package org.claimdesk.discrepancy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AskSatisfaction (PD-6): some days after the resolution, is the customer satisfied? */
@Component
public class AskSatisfactionDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;

  public AskSatisfactionDelegate(DiscrepancySteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    v.set(DiscrepancyVariables.SATISFIED, null);
    v.set(DiscrepancyVariables.FEEDBACK_COMMENT, null);
    steps.askSatisfaction(v.caseReference());
  }
}
