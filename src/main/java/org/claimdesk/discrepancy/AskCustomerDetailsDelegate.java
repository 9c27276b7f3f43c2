package org.claimdesk.discrepancy;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/** Task_AskCustomerDetails: the investigator's question goes to the customer, who has 7 days. */
@Component
public class AskCustomerDetailsDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;
  private final Clock clock;

  public AskCustomerDetailsDelegate(DiscrepancySteps steps, Clock clock) {
    this.steps = steps;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    String question = v.string(DiscrepancyVariables.REQUEST_TEXT);
    steps.askCustomer(v.caseReference(), question);
    v.addNote(FirstReplySteps.staffTime(clock.instant()) + " Asked the customer: " + question);
  }
}
