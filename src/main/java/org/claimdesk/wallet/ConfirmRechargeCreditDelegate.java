package org.claimdesk.wallet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ConfirmCredit: we credited the wallet, or the shop had just done it. */
@Component
public class ConfirmRechargeCreditDelegate implements JavaDelegate {

  private final WalletSteps steps;

  public ConfirmRechargeCreditDelegate(WalletSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WalletVariables v = WalletVariables.of(execution);
    if (v.flag(WalletVariables.CREDITED_BY_SHOP)) {
      steps.confirmArrived(v.caseReference(), v.amount());
    } else {
      steps.confirmCredited(v.caseReference(), v.amount());
    }
  }
}
