package org.claimdesk.testsupport;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Drives an engine whose job executor is off, as tests do: move the engine clock and execute the
 * timers due by then, or run the async continuations of one process instance.
 */
public final class EngineJobs {

  private EngineJobs() {
  }

  /** Moves the engine clock to {@code target} and executes every timer due by then, the earliest first. */
  public static void fireTimersDueBy(ManagementService management, Instant target) {
    ClockUtil.setCurrentTime(Date.from(target));
    List<Job> due;
    while (!(due = management.createJobQuery().timers().duedateLowerThan(Date.from(target.plusMillis(1)))
        .orderByJobDuedate().asc().list()).isEmpty()) {
      management.executeJob(due.get(0).getId());
    }
  }

  /** Runs the async continuations (payout jobs) of one process instance, as the job executor would. */
  public static void executeAsyncJobs(ManagementService management, String processInstanceId) {
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().processInstanceId(processInstanceId).messages().list()).isEmpty()) {
      management.executeJob(jobs.get(0).getId());
    }
  }
}
