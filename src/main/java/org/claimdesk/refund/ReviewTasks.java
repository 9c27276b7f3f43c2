package org.claimdesk.refund;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/** Finds the review task the SL-1 timers of the reply subprocess are about. */
final class ReviewTasks {

  private ReviewTasks() {
  }

  static Task openReview(TaskService tasks, DelegateExecution execution) {
    Task review = tasks.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("Task_ReviewClaim")
        .singleResult();
    if (review == null) {
      throw new IllegalStateException("No open review task in " + execution.getProcessInstanceId());
    }
    return review;
  }
}
