package org.claimdesk.wallet;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_TellCustomerToWait (WR-2): when the 72 hours end, and that we check then ourselves. */
@Component
public class TellCustomerToWaitDelegate implements JavaDelegate {

  private final WalletSteps steps;

  public TellCustomerToWaitDelegate(WalletSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WalletVariables v = WalletVariables.of(execution);
    steps.tellCustomerToWait(v.caseReference(), v.amount(), ((Date) v.raw(WalletVariables.CHECK_AT)).toInstant());
  }
}
