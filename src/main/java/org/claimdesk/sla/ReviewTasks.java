package org.claimdesk.sla;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;

/**
 * Finds the review task the SL-1 timers of the reply subprocess are about: in each process the
 * user task that the 48 h timer {@value #FIRST_REPLY_DUE} is attached to ({@code Task_ReviewClaim}
 * in a refund, {@code Task_InvestigateDiscrepancy}, {@code Task_InvestigateRecharge}, ...), read
 * from the process's own model, so no process's task id is written here.
 *
 * <p>A native query on the task table by process instance and task key (indexed), rather than a
 * {@code TaskQuery}: the task query's SQL is assembled from a few hundred optional conditions on
 * every call, which was a quarter of the CPU of firing a 24-hour timer (docs/benchmark.md). The
 * result is the same task entity.
 */
final class ReviewTasks {

  /** The SL-1 48 h timer of every process's reply subprocess, on its review task. */
  static final String FIRST_REPLY_DUE = "Timer_FirstReplyDue";

  private ReviewTasks() {
  }

  /** The id of the review task in {@code model}: the task the 48 h timer is attached to. */
  static String reviewTaskKey(BpmnModelInstance model) {
    BoundaryEvent due = model.getModelElementById(FIRST_REPLY_DUE);
    if (due == null || due.getAttachedTo() == null) {
      throw new IllegalStateException("The process has no " + FIRST_REPLY_DUE + " on a review task");
    }
    return due.getAttachedTo().getId();
  }

  static Task openReview(ProcessEngineServices engine, BpmnModelInstance model, String processInstanceId) {
    Task review = find(engine, model, processInstanceId);
    if (review == null) {
      throw new IllegalStateException("No open review task in " + processInstanceId);
    }
    return review;
  }

  /** The open review task of the process instance, or null. */
  static Task find(ProcessEngineServices engine, BpmnModelInstance model, String processInstanceId) {
    String table = engine.getManagementService().getTableName(Task.class);
    return engine.getTaskService().createNativeTaskQuery()
        .sql("SELECT * FROM " + table + " WHERE PROC_INST_ID_ = #{processInstanceId} AND TASK_DEF_KEY_ = #{taskKey}")
        .parameter("processInstanceId", processInstanceId)
        .parameter("taskKey", reviewTaskKey(model))
        .singleResult();
  }
}
