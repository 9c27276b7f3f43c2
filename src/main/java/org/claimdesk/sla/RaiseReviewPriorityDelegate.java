package org.claimdesk.sla;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.engine.TaskPriorities;
import org.springframework.stereotype.Component;

/** Task_RaisePriority (SL-1, 24 h): the waiting review moves up the queue; the team lead is told. */
@Component
public class RaiseReviewPriorityDelegate implements JavaDelegate {

  private final FirstReplySteps steps;

  public RaiseReviewPriorityDelegate(FirstReplySteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    Task review = ReviewTasks.openReview(execution.getProcessEngineServices(), execution.getBpmnModelInstance(),
        execution.getProcessInstanceId());
    tasks.setPriority(review.getId(), TaskPriorities.ESCALATED);
    steps.tellTeamLead((String) execution.getVariable(FirstReplyVariables.CASE_REFERENCE),
        review.getDueDate().toInstant());
  }
}
