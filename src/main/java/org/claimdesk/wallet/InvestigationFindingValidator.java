package org.claimdesk.wallet;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.engine.InvalidFormInputException;
import org.springframework.stereotype.Component;

/** Task_InvestigateRecharge of a wallet case, on complete: a finding and a reply to the customer. */
@Component
public class InvestigationFindingValidator implements TaskListener {

  static final List<String> FINDINGS = List.of("CREDIT", "NOT_PAID", "ALREADY_CREDITED");

  @Override
  public void notify(DelegateTask task) {
    WalletVariables v = WalletVariables.of(task);
    if (!FINDINGS.contains(v.string(WalletVariables.FINDING))) {
      throw new InvalidFormInputException("Choose the finding (one of " + String.join(", ", FINDINGS) + ").");
    }
    String message = v.string(WalletVariables.REPLY_MESSAGE);
    if (message == null || message.isBlank() || message.length() > 4000) {
      throw new InvalidFormInputException("Write your reply to the customer (at most 4000 characters).");
    }
  }
}
