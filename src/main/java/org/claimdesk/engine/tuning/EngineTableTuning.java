package org.claimdesk.engine.tuning;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What PostgreSQL needs beside the engine's own tables for Tasklist to stay fast with a large
 * backlog and for the job executor to stay fast with many jobs (docs/benchmark.md). Created once,
 * on PostgreSQL only, under the start-up lock; each is named {@code claimdesk_*} and created only
 * where missing, so a restart or a second node changes nothing.
 *
 * <ul>
 *   <li><b>Statistics on the authorizations' permission bits.</b> Every task offered to a group
 *       carries an authorization of its own, so a queue of 100,000 tasks has 100,000
 *       authorizations. The engine's task query keeps the ones that grant reading
 *       ({@code PERMS_ & 2 = 2} on tasks, {@code PERMS_ & 64 = 64} on process definitions); without
 *       statistics on those expressions the planner guesses that 0.5% of the rows match, joins the
 *       tasks to a scan of all of them, and the query grows with the square of the backlog (20,000
 *       tasks: 47 s). With extended statistics it looks each task's authorizations up in the
 *       resource index instead (20,000 tasks: 0.4 s).</li>
 *   <li><b>An index of the locked jobs.</b> The job executor's acquisition query skips jobs of
 *       process instances that have an exclusive job running; PostgreSQL answers that by reading
 *       the whole job table at every acquisition (14 ms each with 20,000 waiting timers, a third of
 *       the database's time during a burst of due timers). A partial index holds only the locked
 *       jobs, a few dozen at most.</li>
 *   <li><b>An index of the jobs' due dates.</b> The acquisition query keeps the jobs already due
 *       and has no order of its own, so PostgreSQL walks the job table from its start at every
 *       acquisition, past the pages a burst has already drained and their dead rows; with the
 *       index it reads only the due jobs (10,000 timers falling due at once: 7.8 ms per
 *       acquisition before, 0.6 ms after).</li>
 *   <li><b>An index of the tasks' due dates.</b> Tasklist's queues are ordered by due date; with
 *       it the task list ({@link IndexOrderedTaskList}) reads a first page in due-date order and
 *       stops when the page is full, instead of sorting the whole queue (100,000 open tasks:
 *       a few milliseconds instead of 200-350 ms).</li>
 * </ul>
 */
@Component
public class EngineTableTuning {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTableTuning.class);

  /** Name and expression of each statistics object on ACT_RU_AUTHORIZATION. */
  static final List<String[]> AUTHORIZATION_EXPRESSIONS = List.of(
      new String[] {"claimdesk_auth_read_stx", "(perms_ & 2)"},
      new String[] {"claimdesk_auth_read_task_stx", "(perms_ & 64)"});

  static final String LOCKED_JOBS_INDEX = "claimdesk_job_locked_ix";
  static final String TASK_DUE_DATE_INDEX = "claimdesk_task_due_ix";
  static final String JOB_DUE_DATE_INDEX = "claimdesk_job_due_ix";

  private final DataSource dataSource;
  private final JdbcClient jdbc;

  EngineTableTuning(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  public void ensure() {
    if (!onPostgres()) {
      return;
    }
    boolean created = false;
    for (String[] statistics : AUTHORIZATION_EXPRESSIONS) {
      boolean exists = jdbc.sql("SELECT count(*) FROM pg_statistic_ext WHERE stxname = ?")
          .param(statistics[0]).query(Long.class).single() > 0;
      if (!exists) {
        jdbc.sql("CREATE STATISTICS IF NOT EXISTS " + statistics[0] + " ON " + statistics[1]
            + " FROM act_ru_authorization").update();
        created = true;
      }
    }
    if (created) {
      jdbc.sql("ANALYZE act_ru_authorization").update();
      LOG.info("Created the planner statistics on the engine's authorizations (docs/benchmark.md)");
    }
    ensureIndex(LOCKED_JOBS_INDEX, "act_ru_job (lock_exp_time_) WHERE lock_owner_ IS NOT NULL",
        "the index of locked jobs for the job executor's acquisition");
    ensureIndex(JOB_DUE_DATE_INDEX, "act_ru_job (duedate_)",
        "the index of the jobs' due dates for the job executor's acquisition");
    ensureIndex(TASK_DUE_DATE_INDEX, "act_ru_task (due_date_)", "the index of the tasks' due dates for Tasklist's queues");
  }

  private void ensureIndex(String name, String definition, String what) {
    boolean indexed = jdbc.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?")
        .param(name).query(Long.class).single() > 0;
    if (!indexed) {
      // Not CONCURRENTLY: that waits for every open transaction, among them another node's wait
      // for the start-up lock this node holds until the index exists. Building it blocks writes to
      // the table for as long as reading it takes, once.
      jdbc.sql("CREATE INDEX IF NOT EXISTS " + name + " ON " + definition).update();
      LOG.info("Created {} (docs/benchmark.md)", what);
    }
  }

  private boolean onPostgres() {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell which database this is", e);
    }
  }
}
