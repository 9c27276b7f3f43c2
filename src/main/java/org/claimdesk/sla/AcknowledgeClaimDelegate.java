package org.claimdesk.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Acknowledges a request that goes to review (SL-1): the customer learns by when they will hear from us. */
@Component
public class AcknowledgeClaimDelegate implements JavaDelegate {

  private final FirstReplySteps steps;

  public AcknowledgeClaimDelegate(FirstReplySteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.acknowledge((String) execution.getVariable(FirstReplyVariables.CASE_REFERENCE),
        Boolean.TRUE.equals(execution.getVariable(FirstReplyVariables.EVIDENCE_REQUIRED)));
  }
}
