package org.claimdesk.refund;

import org.claimdesk.notification.CustomerMessage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindEvidence, Task_RemindConsent: the reminder named by the task's input parameter {@code reminder}. */
@Component
public class RemindCustomerDelegate implements JavaDelegate {

  private final RefundSteps steps;

  public RemindCustomerDelegate(RefundSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RefundVariables v = RefundVariables.of(execution);
    steps.remind(v.caseReference(), CustomerMessage.valueOf(v.string(RefundVariables.REMINDER)));
  }
}
