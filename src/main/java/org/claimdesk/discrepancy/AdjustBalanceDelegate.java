package org.claimdesk.discrepancy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.payment.PayoutReceipt;
import org.springframework.stereotype.Component;

/**
 * Task_AdjustBalance (PD-4), asynchronous with retries: the balance adjustment, a wallet credit
 * once per case and round (ledger entry {@code claimdesk-<case>:adjust-<round>}).
 */
@Component
public class AdjustBalanceDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;

  public AdjustBalanceDelegate(DiscrepancySteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    // the amount is the round's decision, from the database
    PayoutReceipt receipt = steps.adjustBalance(execution.getProcessBusinessKey(), v.round());
    v.set(DiscrepancyVariables.ADJUSTMENT_REFERENCE, receipt.reference());
  }
}
