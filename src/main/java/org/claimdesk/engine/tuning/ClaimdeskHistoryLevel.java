package org.claimdesk.engine.tuning;

import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.FORM_PROPERTY_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.IDENTITY_LINK_ADD;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.IDENTITY_LINK_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;

/**
 * The engine history Claimdesk keeps (history level {@value #NAME}): everything of level
 * {@code full} but the rows nobody reads, which were a sixth of what a case wrote (docs/benchmark.md).
 *
 * <p>Kept: process, activity and task instances (who did what, when), the last value of every
 * variable, incidents, the job log (which node ran which job), the decisions with their inputs and
 * outputs (Cockpit's decision instances: why a policy table decided as it did), batches, and the
 * user operation log (what staff did through Tasklist, Cockpit and the REST API).
 *
 * <p>Left out: each intermediate value of every variable ({@code ACT_HI_DETAIL}; the case's own
 * timeline in {@code claimdesk.case_timeline} records what changed for the customer), task
 * candidate links ({@code ACT_HI_IDENTITYLINK}; the diagram says which group a task is for), and
 * generated-form submissions, which Claimdesk has none of (its forms are Camunda Forms). The
 * managers' dashboard reads the case tables, never engine history, so it is unaffected.
 */
final class ClaimdeskHistoryLevel extends AbstractHistoryLevel {

  static final String NAME = "claimdesk";
  /** Stored in ACT_GE_PROPERTY; the built-in levels are 0 (none) to 3 (full). */
  static final int ID = 30;

  private static final Set<HistoryEventType> LEFT_OUT = Set.of(VARIABLE_INSTANCE_UPDATE_DETAIL,
      IDENTITY_LINK_ADD, IDENTITY_LINK_DELETE, FORM_PROPERTY_UPDATE);

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return !LEFT_OUT.contains(eventType);
  }
}
