package org.claimdesk.cancellation;

import org.claimdesk.cases.CaseProcessMessages;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.CustomerAction;
import org.springframework.stereotype.Component;

/**
 * The one message the {@code subscription-cancellation} process waits for from the customer: the
 * withdrawal of a scheduled cancellation. Evidence, offers and feedback are not part of it (409).
 */
@Component
class CancellationCaseMessages implements CaseProcessMessages {

  @Override
  public CaseType caseType() {
    return CaseType.SUBSCRIPTION_CANCELLATION;
  }

  @Override
  public String messageName(CustomerAction action) {
    return switch (action) {
      case WITHDRAWAL -> CancellationProcess.MESSAGE_WITHDRAWN;
      case EVIDENCE_RECEIVED, OFFER_ACCEPTED, OFFER_DECLINED, FEEDBACK_RECEIVED -> null;
    };
  }
}
