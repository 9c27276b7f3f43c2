package org.claimdesk.dashboard;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.claimdesk.cases.JdbcCaseService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stamps a case's first reply (SL-1) when its process's review task
 * ({@link DashboardProperties#reviewTasks}) is completed:
 * the Camunda Spring Boot starter publishes every task event as a Spring event
 * ({@code camunda.bpm.eventing.task}, on by default), inside the engine's transaction, so the
 * stamp commits with the completion. The diagrams need no listener of their own.
 */
@Component
class FirstReplyRecorder {

  private final JdbcCaseService cases;
  private final DashboardProperties properties;

  FirstReplyRecorder(JdbcCaseService cases, DashboardProperties properties) {
    this.cases = cases;
    this.properties = properties;
  }

  @EventListener
  void onTaskEvent(DelegateTask task) {
    if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) || task.getExecution() == null
        || !properties.isReviewTask(processKeyOf(task), task.getTaskDefinitionKey())) {
      return;
    }
    String reference = task.getExecution().getProcessBusinessKey();
    if (reference != null) {
      cases.recordFirstReply(reference);
    }
  }

  /** The key of the task's process, from its model: the process element's id. */
  private static String processKeyOf(DelegateTask task) {
    ModelElementInstance element = task.getBpmnModelElementInstance();
    while (element != null && !(element instanceof Process)) {
      element = element.getParentElement();
    }
    return element == null ? null : ((Process) element).getId();
  }
}
