package org.claimdesk.discrepancy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindCustomerDetails: the details are still awaited. */
@Component
public class RemindCustomerDetailsDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;

  public RemindCustomerDetailsDelegate(DiscrepancySteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.remindCustomer(DiscrepancyVariables.of(execution).caseReference());
  }
}
