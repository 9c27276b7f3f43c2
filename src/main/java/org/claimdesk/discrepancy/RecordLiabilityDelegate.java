package org.claimdesk.discrepancy;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordDecision: the DMN's verdict ({@code merchantLiable}, {@code remedy}, {@code ruleId})
 * as process variables; when money moves, the case is in payment.
 */
@Component
public class RecordLiabilityDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;

  public RecordLiabilityDelegate(DiscrepancySteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    @SuppressWarnings("unchecked")
    Map<String, Object> liability = (Map<String, Object>) v.raw(DiscrepancyVariables.LIABILITY);
    if (liability == null || liability.get("remedy") == null) {
      throw new IllegalStateException("discrepancyLiability gave no remedy for cause "
          + v.string(DiscrepancyVariables.CAUSE));
    }
    Remedy remedy = Remedy.valueOf((String) liability.get("remedy"));
    v.set(DiscrepancyVariables.MERCHANT_LIABLE, Boolean.TRUE.equals(liability.get("merchantLiable")));
    v.set(DiscrepancyVariables.REMEDY, remedy.name());
    v.set(DiscrepancyVariables.RULE_ID, liability.get("ruleId"));
    if (remedy == Remedy.REFUND || remedy == Remedy.BALANCE_ADJUSTMENT) {
      if (v.raw(DiscrepancyVariables.RECTIFY_AMOUNT) == null) {
        throw new IllegalStateException("A " + remedy + " without an amount for cause "
            + v.string(DiscrepancyVariables.CAUSE));
      }
      steps.rectifying(v.caseReference());
    }
  }
}
