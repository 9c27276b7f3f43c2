package org.claimdesk.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.history.JobState;

/**
 * Thousands of first-reply timers falling due at once, as after an outage or a holiday: the
 * 24-hour follow-up timers (SL-1) of open refund claims in review are made due together (their due
 * date set to now in one transaction, the only way to make a real-clock node's timers fall due
 * without waiting a day), and the application's job executor drains them. The cases are real claims
 * filed through the API and, for the rest of the 10,000, SQL copies of them with their own task,
 * variables, timers and case row ({@link RuntimeCopies}). Each timer raises its
 * review's priority and queues one email to the team lead, so "fired once" is checked on the
 * outcome: exactly one such email per case, and no timer job left.
 */
final class TimerBurstScenario {

  /** The burst's figures. */
  record Result(int timers, double secondsToLastFired, double jobsPerSecond, Spread jobsPerSecondBySecond,
      long fired, long firedTwice, long lost, double warmupJobsPerSecond) {
  }

  static final String TIMER = "Timer_FirstReplyFollowUp";
  private static final Duration LIMIT = Duration.ofMinutes(5);
  /** How often the jobs left are counted (each count is a few milliseconds of the database's time). */
  private static final Duration POLL = Duration.ofSeconds(1);

  private final ClaimdeskNode node;
  private final BenchmarkDatabase database;
  TimerBurstScenario(ClaimdeskNode node, BenchmarkDatabase database) {
    this.node = node;
    this.database = database;
  }

  /** How the waiting timers were made: claims filed through the API, then copies of those cases. */
  record SetUp(RefundClaims.Filed filed, int copied, double copySeconds) {
  }

  /**
   * Makes {@code count} follow-up timers wait: at least {@code realCases} of them real cases filed
   * through the API (the intake scenario's are counted), the rest copies of those
   * ({@link RuntimeCopies#copyWholeInstances}).
   */
  SetUp ensureWaitingTimers(int count, int realCases, int clients) throws Exception {
    int waiting = waitingTimers().size();
    RefundClaims.Filed filed = RefundClaims.file(node, database, Math.min(count, realCases) - waiting, clients);
    long start = System.nanoTime();
    int copied = RuntimeCopies.copyWholeInstances(database, count - waitingTimers().size());
    return new SetUp(filed, copied, (System.nanoTime() - start) / 1e9);
  }

  /** A warm-up burst of {@code warmup} timers, then the burst of {@code timers}. */
  Result run(int warmup, int timers) throws Exception {
    List<String> waiting = waitingTimers();
    if (waiting.size() < warmup + timers) {
      throw new IllegalStateException("Only " + waiting.size() + " timers wait; " + (warmup + timers) + " needed");
    }
    Burst warm = burst(waiting.subList(0, warmup));
    List<String> jobs = waiting.subList(warmup, warmup + timers);
    List<String> instances = instancesOf(jobs);
    Burst burst = burst(jobs);
    long[] outcome = outcome(instances);
    return new Result(timers, burst.seconds, timers / burst.seconds, Spread.of(burst.perSecond), outcome[0],
        outcome[1], timers - outcome[0], warm.jobIds.size() / warm.seconds);
  }

  private record Burst(List<String> jobIds, double seconds, List<Double> perSecond) {
  }

  private Burst burst(List<String> jobIds) throws SQLException, InterruptedException {
    Instant due;
    try (Connection connection = database.connect()) {
      Array ids = connection.createArrayOf("varchar", jobIds.toArray());
      // The burst's jobs in a table of their own, so that counting those left is a cheap join
      // rather than a scan of a 10,000-element array that would take the database's time from the
      // job executor being measured.
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + RuntimeCopies.SCHEMA);
        statement.execute("DROP TABLE IF EXISTS " + RuntimeCopies.SCHEMA + ".burst_job");
        statement.execute("CREATE TABLE " + RuntimeCopies.SCHEMA + ".burst_job (id varchar(64) PRIMARY KEY)");
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + RuntimeCopies.SCHEMA
          + ".burst_job SELECT unnest(?::varchar[])")) {
        insert.setArray(1, ids);
        insert.executeUpdate();
      }
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE act_ru_job SET duedate_ = ? WHERE id_ = ANY (?)")) {
        due = Instant.now();
        update.setTimestamp(1, Timestamp.from(due));
        update.setArray(2, ids);
        if (update.executeUpdate() != jobIds.size()) {
          throw new IllegalStateException("Not every timer could be made due");
        }
      }
      PgStatistics.countOwnTransaction();
      awaitDrained(connection, jobIds.size(), due);
      return fired(connection, jobIds, due);
    }
  }

  /**
   * Waits until none of the burst's jobs is left. Only completion is polled, once a second: the
   * timing comes from the job log afterwards, so the count (a join over the job table) takes little
   * of the database's time from the executor being measured.
   */
  private static void awaitDrained(Connection connection, int jobs, Instant due)
      throws SQLException, InterruptedException {
    Instant giveUp = due.plus(LIMIT);
    long left = jobs;
    try (PreparedStatement remaining = connection.prepareStatement("SELECT count(*) FROM act_ru_job j JOIN "
        + RuntimeCopies.SCHEMA + ".burst_job b ON b.id = j.id_ WHERE j.retries_ > 0")) {
      while (left > 0) {
        Thread.sleep(POLL.toMillis());
        try (ResultSet result = remaining.executeQuery()) {
          result.next();
          left = result.getLong(1);
        }
        PgStatistics.countOwnTransaction();
        if (left > 0 && Instant.now().isAfter(giveUp)) {
          throw new IllegalStateException(left + " timers still waiting " + LIMIT + " after they fell due");
        }
      }
    }
  }

  /**
   * When each of the burst's jobs fired, as the job executor logged its success (ACT_HI_JOB_LOG, kept
   * by history level claimdesk): seconds from due to the last one, and jobs per second of the drain
   * once the executor had started (the seconds before its first acquisition are not a rate). Whether
   * each fired exactly once is judged on the outcome ({@link #outcome}), not on the log.
   */
  private static Burst fired(Connection connection, List<String> jobIds, Instant due) throws SQLException {
    List<Double> perSecond = new ArrayList<>();
    double last = 0;
    try (PreparedStatement query = connection.prepareStatement("""
        SELECT floor(extract(epoch FROM l.timestamp_ - ?::timestamp))::int AS second, count(*),
               max(extract(epoch FROM l.timestamp_ - ?::timestamp))
        FROM act_hi_job_log l JOIN %s.burst_job b ON b.id = l.job_id_
        WHERE l.job_state_ = ? GROUP BY 1 ORDER BY 1""".formatted(RuntimeCopies.SCHEMA))) {
      Timestamp dueAt = Timestamp.from(due);
      query.setTimestamp(1, dueAt);
      query.setTimestamp(2, dueAt);
      query.setInt(3, JobState.SUCCESSFUL.getStateCode());
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          int second = Math.max(0, result.getInt(1));
          while (perSecond.size() <= second) {
            perSecond.add(0.0);
          }
          perSecond.set(second, perSecond.get(second) + result.getLong(2));
          last = Math.max(last, result.getDouble(3));
        }
      }
    }
    PgStatistics.countOwnTransaction();
    List<Double> draining = perSecond.stream().dropWhile(n -> n == 0).toList();
    if (draining.isEmpty()) {
      throw new IllegalStateException("None of the burst's " + jobIds.size() + " jobs is in the job log as fired");
    }
    return new Burst(jobIds, last, draining);
  }

  /** The follow-up timers of refund reviews still waiting, soonest due first. */
  private List<String> waitingTimers() throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement("SELECT id_ FROM act_ru_job WHERE handler_cfg_ = ?"
            + " AND process_def_key_ = 'refund-request' AND duedate_ > ? ORDER BY duedate_")) {
      query.setString(1, TIMER);
      query.setTimestamp(2, Timestamp.from(Instant.now()));
      List<String> ids = new ArrayList<>();
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          ids.add(result.getString(1));
        }
      }
      PgStatistics.countOwnTransaction();
      return ids;
    }
  }

  private List<String> instancesOf(List<String> jobIds) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement(
            "SELECT DISTINCT process_instance_id_ FROM act_ru_job WHERE id_ = ANY (?)")) {
      query.setArray(1, connection.createArrayOf("varchar", jobIds.toArray()));
      List<String> ids = new ArrayList<>();
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          ids.add(result.getString(1));
        }
      }
      PgStatistics.countOwnTransaction();
      if (ids.size() != jobIds.size()) {
        throw new IllegalStateException("A burst needs one timer per case");
      }
      return ids;
    }
  }

  /**
   * Of the burst's cases, how many had their team lead told (the timer fired) and how many more
   * than once: one notice per case is the timer's visible outcome.
   */
  private long[] outcome(List<String> processInstances) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement("""
            SELECT count(*) FILTER (WHERE notices > 0), count(*) FILTER (WHERE notices > 1) FROM (
              SELECT (SELECT count(*) FROM claimdesk.notification_outbox o
                  WHERE o.case_reference = c.reference AND o.message_kind = 'TEAM_LEAD_NOTICE') AS notices
              FROM claimdesk.claim_case c WHERE c.process_instance_id = ANY (?)) cases""")) {
      query.setArray(1, connection.createArrayOf("varchar", processInstances.toArray()));
      try (ResultSet result = query.executeQuery()) {
        result.next();
        PgStatistics.countOwnTransaction();
        return new long[] {result.getLong(1), result.getLong(2)};
      }
    }
  }
}
