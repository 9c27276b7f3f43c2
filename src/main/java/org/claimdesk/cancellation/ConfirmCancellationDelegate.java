package org.claimdesk.cancellation;

import java.util.Date;

import org.claimdesk.commerce.Money;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ConfirmCancellation: what was cancelled, when access ends, what is refunded and why. */
@Component
public class ConfirmCancellationDelegate implements JavaDelegate {

  private final CancellationSteps steps;

  public ConfirmCancellationDelegate(CancellationSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CancellationVariables v = CancellationVariables.of(execution);
    Money refund = "REFUND".equals(v.string(CancellationVariables.REFUND_DECISION)) ? v.refund() : null;
    steps.confirm(v.caseReference(), v.string(CancellationVariables.PLAN), v.mode(),
        ((Date) v.raw(CancellationVariables.ACCESS_ENDS_AT)).toInstant(), refund, v.lastPayment(),
        v.string(CancellationVariables.RULE_ID),
        v.flag(CancellationVariables.REVIEWED) ? v.string(CancellationVariables.REPLY_MESSAGE) : null);
  }
}
