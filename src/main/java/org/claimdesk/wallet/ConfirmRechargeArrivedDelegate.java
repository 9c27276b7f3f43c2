package org.claimdesk.wallet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ConfirmArrived: the recharge reached the wallet; the case closes by itself. */
@Component
public class ConfirmRechargeArrivedDelegate implements JavaDelegate {

  private final WalletSteps steps;

  public ConfirmRechargeArrivedDelegate(WalletSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WalletVariables v = WalletVariables.of(execution);
    steps.confirmArrived(v.caseReference(), v.amount());
  }
}
