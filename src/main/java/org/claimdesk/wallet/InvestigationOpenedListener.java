package org.claimdesk.wallet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/** Task_InvestigateRecharge of a wallet case, on create: in review, a reply due by the task's due date (SL-1). */
@Component
public class InvestigationOpenedListener implements TaskListener {

  private final WalletSteps steps;

  public InvestigationOpenedListener(WalletSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    WalletVariables v = WalletVariables.of(task);
    steps.investigationOpened(v.caseReference(), task.getDueDate().toInstant());
    v.set(WalletVariables.REPLY_DUE_TEXT, FirstReplySteps.staffTime(task.getDueDate().toInstant()));
  }
}
