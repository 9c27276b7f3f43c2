package org.claimdesk.models;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.claimdesk.engine.InvalidFormInputException;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code model-change-approval}: the manager's decision, recorded on complete of the
 * approval task, and the deployment of an approved change. The change is the process's business key;
 * what deploys is the change's files as stored when it was proposed, never anything a task sets.
 */
@Component
public class ModelChangeTasks {

  static final String DECISION = "changeDecision";
  static final String DECISION_NOTE = "decisionNote";

  private final ModelChanges changes;
  private final IdentityService identity;

  ModelChangeTasks(ModelChanges changes, IdentityService identity) {
    this.changes = changes;
    this.identity = identity;
  }

  /** Task_ApproveModelChange, on complete: approve or reject, with a note when rejecting. */
  public TaskListener getRecordDecision() {
    return task -> {
      Object answer = task.getVariable(DECISION);
      if (!"APPROVE".equals(answer) && !"REJECT".equals(answer)) {
        throw new InvalidFormInputException("Say whether you approve the change (APPROVE or REJECT).");
      }
      boolean decision = "APPROVE".equals(answer);
      Object note = task.getVariable(DECISION_NOTE);
      String text = note == null ? null : note.toString().strip();
      if (!decision && (text == null || text.isEmpty())) {
        throw new InvalidFormInputException("Say why you reject the change: the analyst reads it.");
      }
      if (text != null && text.length() > 2000) {
        throw new InvalidFormInputException("The note is at most 2000 characters.");
      }
      Authentication who = identity.getCurrentAuthentication();
      String manager = who != null ? who.getUserId() : task.getAssignee();
      if (manager == null) {
        throw new InvalidFormInputException("A model change is decided by a signed-in manager.");
      }
      long id = Long.parseLong(task.getExecution().getProcessBusinessKey());
      try {
        changes.decide(id, decision, manager, text);
      } catch (IllegalStateException refused) {
        throw new InvalidFormInputException(refused.getMessage());
      }
    };
  }

  /** Task_DeployApprovedChange (async, retried): deploys the approved files once. */
  public JavaDelegate getDeployApproved() {
    return execution -> changes.deployApproved(Long.parseLong(execution.getProcessBusinessKey()));
  }
}
