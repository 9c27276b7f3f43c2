package org.claimdesk.wallet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CreditWallet (async, retried): the recharge is credited once; the shop's earlier credit counts. */
@Component
public class CreditRechargeDelegate implements JavaDelegate {

  private final WalletSteps steps;

  public CreditRechargeDelegate(WalletSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WalletVariables v = WalletVariables.of(execution);
    // the case is the business key; its customer, order and amount come from the database
    boolean ours = steps.credit(execution.getProcessBusinessKey());
    v.set(WalletVariables.CREDITED_BY_SHOP, !ours);
  }
}
