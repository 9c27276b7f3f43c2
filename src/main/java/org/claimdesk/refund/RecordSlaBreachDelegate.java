package org.claimdesk.refund;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Task_RecordSlaBreach (SL-1, 48 h): the first reply is late; managers get an escalation task next. */
@Component
public class RecordSlaBreachDelegate implements JavaDelegate {

  private final RefundSteps steps;
  private final Clock clock;

  public RecordSlaBreachDelegate(RefundSteps steps, Clock clock) {
    this.steps = steps;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Task review = ReviewTasks.openReview(execution.getProcessEngineServices().getTaskService(), execution);
    RefundVariables v = RefundVariables.of(execution);
    steps.recordSlaBreach(v.caseReference(), review.getDueDate().toInstant(), clock.instant());
    v.set(RefundVariables.REPLY_DUE_TEXT, RefundSteps.staffTime(review.getDueDate().toInstant()));
  }
}
