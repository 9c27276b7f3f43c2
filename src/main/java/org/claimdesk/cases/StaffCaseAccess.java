package org.claimdesk.cases;

import java.security.Principal;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Whether a staff member may see a case's files (issue #20 point 3): the answer is the engine's
 * own authorization, asked as that user with their groups, on the process instance whose
 * business key is the case reference. A case is visible to someone who may
 * <ul>
 *   <li>read its running process instance (managers: READ on process instances),</li>
 *   <li>read one of its open tasks (a support or finance member is granted READ on each task
 *       offered to their group; managers hold READ_TASK), or</li>
 *   <li>read its history (READ_HISTORY on the definition: managers, once the case has ended).</li>
 * </ul>
 * Members of {@code camunda-admin} see everything, as in the engine. Nobody else does: a support
 * agent does not see a finance-only payment discrepancy, and nobody sees a case without a process.
 */
@Service
public class StaffCaseAccess {

  private static final Logger log = LoggerFactory.getLogger(StaffCaseAccess.class);

  private final IdentityService identity;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;

  StaffCaseAccess(IdentityService identity, RuntimeService runtime, TaskService tasks, HistoryService history) {
    this.identity = identity;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
  }

  /**
   * True when the authenticated staff member may see case {@code reference}; a refusal is logged
   * (who and which case), and the caller answers it as "not found" so nothing tells it apart.
   */
  public boolean maySee(Principal staff, String reference) {
    String userId = staff == null ? null : staff.getName();
    boolean allowed = maySee(userId, reference);
    if (!allowed) {
      log.warn("Case {} is not visible to {}: its files were not served", reference, userId);
    }
    return allowed;
  }

  /** True when the staff member {@code userId} may see case {@code reference}. */
  public boolean maySee(String userId, String reference) {
    if (userId == null || userId.isBlank() || reference == null) {
      return false;
    }
    Authentication previous = identity.getCurrentAuthentication();
    try {
      identity.clearAuthentication();
      List<String> groupIds = identity.createGroupQuery().groupMember(userId).list().stream()
          .map(Group::getId).toList();
      identity.setAuthentication(userId, groupIds);
      return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count() > 0
          || tasks.createTaskQuery().processInstanceBusinessKey(reference).count() > 0
          || history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count() > 0;
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }
}
