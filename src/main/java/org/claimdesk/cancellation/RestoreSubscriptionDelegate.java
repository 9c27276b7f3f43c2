package org.claimdesk.cancellation;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RestoreSubscription: a withdrawn cancellation restores billing and access. */
@Component
public class RestoreSubscriptionDelegate implements JavaDelegate {

  private final CancellationSteps steps;

  public RestoreSubscriptionDelegate(CancellationSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CancellationVariables v = CancellationVariables.of(execution);
    steps.restore(v.caseReference(), v.subscriptionId(), v.string(CancellationVariables.PLAN));
  }
}
