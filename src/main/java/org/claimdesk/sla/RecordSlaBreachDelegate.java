package org.claimdesk.sla;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Task_RecordSlaBreach (SL-1, 48 h): the first reply is late; managers get an escalation task next. */
@Component
public class RecordSlaBreachDelegate implements JavaDelegate {

  private final FirstReplySteps steps;
  private final Clock clock;

  public RecordSlaBreachDelegate(FirstReplySteps steps, Clock clock) {
    this.steps = steps;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Task review = ReviewTasks.openReview(execution.getProcessEngineServices(), execution.getBpmnModelInstance(),
        execution.getProcessInstanceId());
    steps.recordSlaBreach((String) execution.getVariable(FirstReplyVariables.CASE_REFERENCE),
        review.getTaskDefinitionKey(), review.getDueDate().toInstant(), clock.instant());
    execution.setVariable(FirstReplyVariables.REPLY_DUE_TEXT, FirstReplySteps.staffTime(review.getDueDate().toInstant()));
  }
}
