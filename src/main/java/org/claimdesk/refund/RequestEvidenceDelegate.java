package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RequestEvidence (RF-3): ask for evidence, with the agent's words; the case waits on the customer. */
@Component
public class RequestEvidenceDelegate implements JavaDelegate {

  private final RefundSteps steps;

  public RequestEvidenceDelegate(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RefundVariables v = RefundVariables.of(execution);
    steps.requestEvidence(v.caseReference(), v.string(RefundVariables.REPLY_MESSAGE));
  }
}
