package org.claimdesk.discrepancy;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_DocumentResolution (PD-6), asynchronous with retries: the case's outcome is recorded, the
 * resolution document written and stored on the case, and sent to the customer with it attached;
 * all in one transaction, so a retry does it whole or not at all.
 */
@Component
public class SendResolutionDelegate implements JavaDelegate {

  private final DiscrepancySteps steps;
  private final ResolutionDocuments documents;

  public SendResolutionDelegate(DiscrepancySteps steps, ResolutionDocuments documents) {
    this.steps = steps;
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DiscrepancyVariables v = DiscrepancyVariables.of(execution);
    Resolution resolution = Resolution.of(v);
    steps.recordResolution(resolution.reference(), resolution.remedy(), resolution.moved(), v.amount(),
        resolution.ruleId());
    Object expected = v.raw(DiscrepancyVariables.EXPECTED_AMOUNT);
    String documentId = documents.issue(resolution, new ResolutionDocuments.ReportFacts(v.paymentId(),
        DiscrepancyKind.valueOf(v.string(DiscrepancyVariables.REPORT_KIND)),
        ReportChannel.valueOf(v.string(DiscrepancyVariables.REPORT_CHANNEL)),
        v.string(DiscrepancyVariables.REPORT_DESCRIPTION),
        expected == null ? null : ((Number) expected).longValue()));
    steps.sendResolution(resolution.reference(), resolution.cause(), resolution.remedy(), resolution.moved(),
        resolution.ruleId(), resolution.conclusion(), documentId);
    v.set(DiscrepancyVariables.RESOLUTION_SUMMARY, resolution.summary());
  }
}
