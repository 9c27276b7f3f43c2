package org.claimdesk.discrepancy;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.claimdesk.cases.CaseProcessMessages;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.CustomerAction;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/**
 * The messages {@code payment-discrepancy} waits for from the customer: their details (files or
 * notes, sent as evidence) and their answer to the follow-up (PD-6). It makes no offers and has
 * nothing to withdraw. Each upload refreshes the file list the investigator's form shows.
 */
@Component
class DiscrepancyCaseMessages implements CaseProcessMessages {

  private final RuntimeService runtime;
  private final CaseService cases;

  DiscrepancyCaseMessages(RuntimeService runtime, CaseService cases) {
    this.runtime = runtime;
    this.cases = cases;
  }

  @Override
  public CaseType caseType() {
    return CaseType.PAYMENT_DISCREPANCY;
  }

  @Override
  public String messageName(CustomerAction action) {
    return switch (action) {
      case EVIDENCE_RECEIVED -> DiscrepancyProcess.MESSAGE_DETAILS_RECEIVED;
      case FEEDBACK_RECEIVED -> DiscrepancyProcess.MESSAGE_SATISFACTION_ANSWERED;
      case OFFER_ACCEPTED, OFFER_DECLINED, WITHDRAWAL -> null;
    };
  }

  @Override
  public void evidenceStored(String reference) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(DiscrepancyProcess.KEY)
        .processInstanceBusinessKey(reference).singleResult();
    if (instance != null) {
      runtime.setVariable(instance.getId(), DiscrepancyVariables.EVIDENCE_SUMMARY,
          FirstReplySteps.evidenceSummary(cases.evidenceOf(reference), cases.customerEmailsOf(reference)));
    }
  }
}
