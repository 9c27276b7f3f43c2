package org.claimdesk.sla;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/** Finds the review task the SL-1 timers of the reply subprocess are about. */
final class ReviewTasks {

  /** The review task's id in every process's reply subprocess. */
  static final String REVIEW_TASK = "Task_ReviewClaim";

  private ReviewTasks() {
  }

  static Task openReview(TaskService tasks, DelegateExecution execution) {
    Task review = tasks.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(REVIEW_TASK)
        .singleResult();
    if (review == null) {
      throw new IllegalStateException("No open review task in " + execution.getProcessInstanceId());
    }
    return review;
  }
}
