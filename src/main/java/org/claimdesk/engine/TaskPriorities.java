package org.claimdesk.engine;

/** Task priorities the processes use; Tasklist's "Escalated" filter lists tasks at or above ESCALATED. */
public final class TaskPriorities {

  /** The engine's default for a new user task. */
  public static final int NORMAL = 50;
  /** A task whose first reply is late (SL-1: 24 h reminder) or that escalates to managers (48 h). */
  public static final int ESCALATED = 75;

  private TaskPriorities() {
  }
}
