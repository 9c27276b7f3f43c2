package org.claimdesk.refund;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.claimdesk.cases.CaseProcessMessages;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.CustomerAction;
import org.springframework.stereotype.Component;

/**
 * The messages the {@code refund-request} process waits for, one per customer action, and the
 * evidence list its open review shows, refreshed when the customer adds files.
 */
@Component
class RefundCaseMessages implements CaseProcessMessages {

  private final RuntimeService runtime;
  private final RefundSteps steps;

  RefundCaseMessages(RuntimeService runtime, RefundSteps steps) {
    this.runtime = runtime;
    this.steps = steps;
  }

  @Override
  public CaseType caseType() {
    return CaseType.REFUND_REQUEST;
  }

  @Override
  public String messageName(CustomerAction action) {
    return switch (action) {
      case EVIDENCE_RECEIVED -> RefundProcess.MESSAGE_EVIDENCE_RECEIVED;
      case OFFER_ACCEPTED -> RefundProcess.MESSAGE_OFFER_ACCEPTED;
      case OFFER_DECLINED -> RefundProcess.MESSAGE_OFFER_DECLINED;
      case FEEDBACK_RECEIVED -> RefundProcess.MESSAGE_FEEDBACK_RECEIVED;
      case WITHDRAWAL -> null;
    };
  }

  @Override
  public void evidenceStored(String reference) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(RefundProcess.KEY)
        .processInstanceBusinessKey(reference).singleResult();
    if (instance != null) {
      runtime.setVariable(instance.getId(), RefundVariables.EVIDENCE_SUMMARY, steps.evidenceSummary(reference));
    }
  }
}
