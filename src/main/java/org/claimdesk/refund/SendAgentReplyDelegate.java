package org.claimdesk.refund;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReplyBeforeFix, Task_ReplyOfferPending: the agent's reply goes out now (SL-1), before the fix or the approval. */
@Component
public class SendAgentReplyDelegate implements JavaDelegate {

  private final RefundSteps steps;

  public SendAgentReplyDelegate(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RefundVariables v = RefundVariables.of(execution);
    steps.reply(v.caseReference(), v.string(RefundVariables.REPLY_MESSAGE));
  }
}
