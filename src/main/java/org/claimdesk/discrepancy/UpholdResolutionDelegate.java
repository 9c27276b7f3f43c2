package org.claimdesk.discrepancy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_UpholdResolution: a manager confirms the resolution; the customer gets the manager's words. */
@Component
public class UpholdResolutionDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;

  public UpholdResolutionDelegate(DiscrepancySteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    steps.uphold(v.caseReference(), v.string(DiscrepancyVariables.MANAGER_NOTE));
  }
}
