package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CreditWallet (async, retried): credits the offer's amount to the wallet, exactly once per case. */
@Component
public class CreditWalletDelegate implements JavaDelegate {

  private final RefundSteps steps;

  public CreditWalletDelegate(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the case is the process instance's business key; the customer and amount come from the database
    steps.creditWallet(execution.getProcessBusinessKey());
  }
}
