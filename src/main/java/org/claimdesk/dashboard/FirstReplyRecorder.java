package org.claimdesk.dashboard;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.cases.JdbcCaseService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stamps a case's first reply (SL-1) when its review task is completed, whatever the process:
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
    if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
        || !properties.reviewTask().equals(task.getTaskDefinitionKey()) || task.getExecution() == null) {
      return;
    }
    String reference = task.getExecution().getProcessBusinessKey();
    if (reference != null) {
      cases.recordFirstReply(reference);
    }
  }
}
