package org.claimdesk.wallet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckCharge: the processor's record of the charge decides: credit, nothing paid, or a person looks. */
@Component
public class CheckChargeDelegate implements JavaDelegate {

  private final WalletSteps steps;

  public CheckChargeDelegate(WalletSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    WalletVariables v = WalletVariables.of(execution);
    WalletSteps.ChargeCheck check = steps.checkCharge(v.string(WalletVariables.PROCESSOR_REFERENCE), v.amount(),
        v.flag(WalletVariables.PAYER_NAME_MATCHES), v.string(WalletVariables.PAYER_NAME),
        v.string(WalletVariables.CUSTOMER_NAME));
    v.set(WalletVariables.CHARGE_OUTCOME, check.outcome());
    v.set(WalletVariables.UNCLEAR_REASON, check.unclearReason());
  }
}
