package org.claimdesk.wallet;

import org.claimdesk.cases.CaseProcessMessages;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.CustomerAction;
import org.springframework.stereotype.Component;

/**
 * The {@code wallet-recharge-issue} process waits for no message from the customer: offers,
 * withdrawal and feedback answer 409. Evidence is still stored while the case is open (with its
 * timeline entry), like on any open case, without resuming the process.
 */
@Component
class WalletCaseMessages implements CaseProcessMessages {

  @Override
  public CaseType caseType() {
    return CaseType.WALLET_RECHARGE_ISSUE;
  }

  @Override
  public String messageName(CustomerAction action) {
    return switch (action) {
      case EVIDENCE_RECEIVED, OFFER_ACCEPTED, OFFER_DECLINED, FEEDBACK_RECEIVED, WITHDRAWAL -> null;
    };
  }
}
