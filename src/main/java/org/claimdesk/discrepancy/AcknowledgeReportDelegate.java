package org.claimdesk.discrepancy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AcknowledgeReport (PD-1): the investigation starts at once; the customer is told so, and by when we write. */
@Component
public class AcknowledgeReportDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;

  public AcknowledgeReportDelegate(DiscrepancySteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    steps.acknowledge(v.caseReference(), v.amount(), v.capturedAt());
  }
}
