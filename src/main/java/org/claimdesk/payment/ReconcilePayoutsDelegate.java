package org.claimdesk.payment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReconcilePayouts} of {@code payout-reconciliation}: compares, and fails with the
 * list of mismatches, so its job becomes an incident that managers see in Cockpit.
 */
@Component
class ReconcilePayoutsDelegate implements JavaDelegate {

  private final PayoutReconciliation reconciliation;

  ReconcilePayoutsDelegate(PayoutReconciliation reconciliation) {
    this.reconciliation = reconciliation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PayoutReconciliation.Report report = reconciliation.reconcile();
    if (!report.mismatches().isEmpty()) {
      throw new PayoutMismatchException(report.mismatches());
    }
    execution.setVariable("refundsCompared", report.refundsCompared());
    execution.setVariable("payoutsCompared", report.payoutsCompared());
  }
}
