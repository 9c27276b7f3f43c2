package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AcknowledgeClaim: SL-1, the customer learns by when they will hear from us. */
@Component
public class AcknowledgeClaimDelegate implements JavaDelegate {

  private final RefundSteps steps;

  public AcknowledgeClaimDelegate(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RefundVariables v = RefundVariables.of(execution);
    steps.acknowledge(v.caseReference(), v.flag(RefundVariables.EVIDENCE_REQUIRED));
  }
}
