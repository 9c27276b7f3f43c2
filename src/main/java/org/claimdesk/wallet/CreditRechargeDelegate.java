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
    boolean ours = steps.credit(v.caseReference(), v.string(WalletVariables.CUSTOMER_ID), v.string(WalletVariables.ORDER_ID),
        v.amount());
    v.set(WalletVariables.CREDITED_BY_SHOP, !ours);
  }
}
