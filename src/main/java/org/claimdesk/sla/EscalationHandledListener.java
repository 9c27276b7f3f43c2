package org.claimdesk.sla;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.engine.ClaimdeskGroups;
import org.claimdesk.engine.InvalidFormInputException;
import org.springframework.stereotype.Component;

/**
 * Task_HandleEscalation, on complete: a manager may give the overdue review to a support agent,
 * who must exist and be in {@code support}.
 */
@Component
public class EscalationHandledListener implements TaskListener {

  @Override
  public void notify(DelegateTask escalation) {
    String assignee = (String) escalation.getVariable(FirstReplyVariables.ASSIGN_REVIEW_TO);
    if (assignee == null || assignee.isBlank()) {
      return;
    }
    IdentityService identity = escalation.getProcessEngineServices().getIdentityService();
    if (identity.createUserQuery().userId(assignee.strip()).memberOfGroup(ClaimdeskGroups.SUPPORT).count() == 0) {
      throw new InvalidFormInputException("'" + assignee + "' is not a user of the support group.");
    }
    TaskService tasks = escalation.getProcessEngineServices().getTaskService();
    Task review = ReviewTasks.find(escalation.getProcessEngineServices(),
        escalation.getExecution().getBpmnModelInstance(), escalation.getProcessInstanceId());
    if (review != null) {
      tasks.setAssignee(review.getId(), assignee.strip());
    }
  }
}
