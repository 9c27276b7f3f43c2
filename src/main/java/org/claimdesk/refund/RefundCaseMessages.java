package org.claimdesk.refund;

import org.claimdesk.cases.CaseProcessMessages;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.CustomerAction;
import org.springframework.stereotype.Component;

/** The messages the {@code refund-request} process waits for, one per customer action. */
@Component
class RefundCaseMessages implements CaseProcessMessages {

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
    };
  }
}
