package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordConsent: the resolution is agreed; the case is in payment when money moves. */
@Component
public class RecordAgreementDelegate implements JavaDelegate {

  private final RefundSteps steps;

  public RecordAgreementDelegate(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RefundVariables v = RefundVariables.of(execution);
    steps.recordAgreement(v.caseReference(), v.resolution());
  }
}
