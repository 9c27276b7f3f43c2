package org.claimdesk.cancellation;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordRefundDecision: the refund decision shows on the case before the money moves. */
@Component
public class RecordRefundDecisionDelegate implements JavaDelegate {

  private final CancellationSteps steps;

  public RecordRefundDecisionDelegate(CancellationSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CancellationVariables v = CancellationVariables.of(execution);
    steps.recordRefundDecision(v.caseReference(), v.refund(), v.lastPayment(), v.string(CancellationVariables.RULE_ID));
    v.set(CancellationVariables.REFUNDED, true);
  }
}
