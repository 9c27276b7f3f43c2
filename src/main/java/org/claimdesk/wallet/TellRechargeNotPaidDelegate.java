package org.claimdesk.wallet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_TellNotPaid: the payment never completed, with finance's words when they investigated. */
@Component
public class TellRechargeNotPaidDelegate implements JavaDelegate {

  private final WalletSteps steps;

  public TellRechargeNotPaidDelegate(WalletSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WalletVariables v = WalletVariables.of(execution);
    steps.notPaid(v.caseReference(), v.string(WalletVariables.REPLY_MESSAGE));
  }
}
