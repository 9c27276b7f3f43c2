package org.claimdesk.discrepancy;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.claimdesk.commerce.Money;
import org.springframework.stereotype.Component;

/**
 * Task_RunChecks (PD-3): the automatic checks against the processor and the merchant data,
 * stored on the case. A duplicate charge they prove needs no investigator: the decision is
 * prepared here (the later payment is refunded in full).
 */
@Component
public class RunDiscrepancyChecksDelegate implements JavaDelegate {

  private final DiscrepancyFacts facts;
  private final DiscrepancyChecks checks;
  private final DiscrepancyFindings findings;
  private final DiscrepancySteps steps;

  public RunDiscrepancyChecksDelegate(DiscrepancyFacts facts, DiscrepancyChecks checks, DiscrepancyFindings findings,
      DiscrepancySteps steps) {
    this.facts = facts;
    this.checks = checks;
    this.findings = findings;
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    DiscrepancyFacts.Facts loaded = facts.load(v.paymentId());
    DiscrepancyChecks.Result result = checks.check(loaded.payment(), loaded.order(),
        DiscrepancyKind.valueOf(v.string(DiscrepancyVariables.REPORT_KIND)));
    findings.store(v.caseReference(), result.findings());
    Money refunded = result.findings().stream()
        .filter(f -> f.code() == CheckFinding.Code.ALREADY_REFUNDED)
        .map(CheckFinding::amount)
        .findFirst()
        .orElse(Money.zero(loaded.payment().money().currency()));
    v.set(DiscrepancyVariables.FINDINGS_SUMMARY, DiscrepancyChecks.summary(result.findings()));
    v.set(DiscrepancyVariables.REFUNDED_AMOUNT, refunded.amount());
    v.set(DiscrepancyVariables.DUPLICATE_PAYMENT_ID, result.duplicatePaymentId());
    v.set(DiscrepancyVariables.DUPLICATE_CONFIRMED, result.duplicateConfirmed());
    if (result.duplicateConfirmed()) {
      v.set(DiscrepancyVariables.CAUSE, Cause.DUPLICATE_CHARGE.name());
      v.set(DiscrepancyVariables.PREFERRED_REMEDY, null);
      v.set(DiscrepancyVariables.CONCLUSION, null);
      v.set(DiscrepancyVariables.RECTIFY_PAYMENT_ID, result.duplicatePaymentId());
      v.set(DiscrepancyVariables.RECTIFY_AMOUNT, loaded.payment().amount());
      steps.decideRectification(v.caseReference(), v.round(),
          Optional.of(new Rectification.Amount(loaded.payment().money(), result.duplicatePaymentId())));
    }
  }
}
