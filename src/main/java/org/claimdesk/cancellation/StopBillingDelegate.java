package org.claimdesk.cancellation;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_StopBilling (SC-1, SC-2): billing stops now; access ends now or with the paid cycle. */
@Component
public class StopBillingDelegate implements JavaDelegate {

  private final CancellationSteps steps;

  public StopBillingDelegate(CancellationSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CancellationVariables v = CancellationVariables.of(execution);
    Date cycleEnd = (Date) v.raw(CancellationVariables.CYCLE_END);
    Instant accessEndsAt = steps.stopBilling(v.subscriptionId(), v.mode(), cycleEnd.toInstant());
    v.set(CancellationVariables.ACCESS_ENDS_AT, Date.from(accessEndsAt));
    v.set(CancellationVariables.REFUNDED, false);
    v.set(CancellationVariables.REVIEWED, false);
  }
}
