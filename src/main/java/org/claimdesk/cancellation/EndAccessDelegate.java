package org.claimdesk.cancellation;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EndAccess (SC-2): the paid cycle is over, access ends. */
@Component
public class EndAccessDelegate implements JavaDelegate {

  private final CancellationSteps steps;

  public EndAccessDelegate(CancellationSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CancellationVariables v = CancellationVariables.of(execution);
    steps.endAccess(v.caseReference(), v.subscriptionId(), v.string(CancellationVariables.PLAN));
  }
}
