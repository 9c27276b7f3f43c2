package org.claimdesk.sla;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/**
 * Finds the review task the SL-1 timers of the reply subprocess are about.
 *
 * <p>A native query on the task table by process instance and task key (indexed), rather than a
 * {@code TaskQuery}: the task query's SQL is assembled from a few hundred optional conditions on
 * every call, which was a quarter of the CPU of firing a 24-hour timer (docs/benchmark.md). The
 * result is the same task entity.
 */
final class ReviewTasks {

  /** The review task's id in every process's reply subprocess. */
  static final String REVIEW_TASK = "Task_ReviewClaim";

  private ReviewTasks() {
  }

  static Task openReview(DelegateExecution execution) {
    Task review = find(execution.getProcessEngineServices(), execution.getProcessInstanceId());
    if (review == null) {
      throw new IllegalStateException("No open review task in " + execution.getProcessInstanceId());
    }
    return review;
  }

  /** The open review task of the process instance, or null. */
  static Task find(ProcessEngineServices engine, String processInstanceId) {
    String table = engine.getManagementService().getTableName(Task.class);
    return engine.getTaskService().createNativeTaskQuery()
        .sql("SELECT * FROM " + table + " WHERE PROC_INST_ID_ = #{processInstanceId} AND TASK_DEF_KEY_ = #{taskKey}")
        .parameter("processInstanceId", processInstanceId)
        .parameter("taskKey", REVIEW_TASK)
        .singleResult();
  }
}
