package org.claimdesk.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies of open refund reviews made in SQL, for the backlogs the timer burst and Tasklist
 * scenarios need: filing 10,000 or 100,000 claims through the API would take longer than the whole
 * benchmark, and it is not what those scenarios measure. A copy is made from a real case filed
 * through the API, waiting in review, and gets ids of its own: every id column that names a row of
 * the copied instance gets the suffix {@code ~<n>}.
 *
 * <ul>
 *   <li>{@link #copyWholeInstances}: everything the engine and Claimdesk keep of the waiting case
 *       (executions, review task with its candidate link and authorization, variables and their
 *       byte arrays, both first-reply timers, and the case row under a reference of its own, which
 *       the case's variables then name): the job executor fires a copy's timer exactly as the
 *       original's, and its delegates find the copy's task and case;</li>
 *   <li>{@link #copyReviewTasks}: what Tasklist's query reads (executions, the task with its due
 *       date moved within the next 48 hours, candidate link, authorization): no one works on those.</li>
 * </ul>
 *
 * Copies are numbered from a sequence of the benchmark's own schema ({@value #SCHEMA}), so two calls
 * never make the same ids.
 */
final class RuntimeCopies {

  static final String SCHEMA = "benchmark_copies";

  /** Which columns of a copied row are ids of the copied instance's own rows, and get the suffix. */
  private static final Map<String, Set<String>> OWN_IDS = Map.of(
      "act_ru_execution", Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "parent_id_"),
      "act_ru_task", Set.of("id_", "execution_id_", "proc_inst_id_"),
      "act_ru_identitylink", Set.of("id_", "task_id_", "proc_inst_id_"),
      "act_ru_authorization", Set.of("id_", "resource_id_"),
      "act_ru_variable", Set.of("id_", "execution_id_", "proc_inst_id_", "task_id_", "var_scope_", "bytearray_id_"),
      "act_ge_bytearray", Set.of("id_"),
      "act_ru_job", Set.of("id_", "execution_id_", "process_instance_id_", "root_proc_inst_id_"),
      "claim_case", Set.of("process_instance_id"));

  /**
   * An execution's activity instance id in the copy: {@code <activity>:<uuid>} gets another uuid
   * derived from the original and the copy (the suffix would not fit in 64 characters); the
   * process instance's, which is its own id, gets the suffix like the id.
   */
  private static final String ACTIVITY_INSTANCE = "CASE WHEN x.act_inst_id_ LIKE '%:%'"
      + " THEN split_part(x.act_inst_id_, ':', 1) || ':' || md5(x.act_inst_id_ || c.suffix)::uuid"
      + " ELSE x.act_inst_id_ || c.suffix END";

  private RuntimeCopies() {
  }

  /**
   * Makes {@code copies} whole copies of the refund cases waiting in review with their follow-up
   * timer still to come (each original copied in turn); answers how many were made.
   */
  static int copyWholeInstances(BenchmarkDatabase database, int copies) throws SQLException {
    if (copies <= 0) {
      return 0;
    }
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      chooseOriginals(statement, copies, true);
      // Byte arrays before the variables that point at them.
      copy(connection, statement, "act_ge_bytearray", "FROM act_ge_bytearray x"
          + " JOIN act_ru_variable v ON v.bytearray_id_ = x.id_ JOIN copy_map c ON c.instance = v.proc_inst_id_", Map.of());
      copyExecutionsAndTasks(connection, statement, Map.of());
      copy(connection, statement, "act_ru_variable", "FROM act_ru_variable x JOIN copy_map c ON c.instance = x.proc_inst_id_",
          Map.of("text_", "CASE WHEN x.text_ = c.reference THEN c.new_reference ELSE x.text_ END"));
      copy(connection, statement, "act_ru_job", "FROM act_ru_job x JOIN copy_map c ON c.instance = x.process_instance_id_",
          Map.of());
      copy(connection, statement, "claim_case", "FROM claimdesk.claim_case x JOIN copy_map c ON c.reference = x.reference",
          Map.of("reference", "c.new_reference"), "claimdesk");
      connection.commit();
      connection.setAutoCommit(true);
      statement.execute("ANALYZE act_ru_execution, act_ru_task, act_ru_identitylink, act_ru_authorization,"
          + " act_ru_variable, act_ru_job, claimdesk.claim_case");
      return copies;
    }
  }

  /**
   * Makes {@code copies} copies of what Tasklist's query reads of the open support reviews, their
   * due dates spread over the next 48 hours.
   */
  static int copyReviewTasks(BenchmarkDatabase database, int copies) throws SQLException {
    if (copies <= 0) {
      return 0;
    }
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      chooseOriginals(statement, copies, false);
      copyExecutionsAndTasks(connection, statement,
          Map.of("due_date_", "x.due_date_ + ((c.n * 7919) % 172800) * interval '1 second'"));
      connection.commit();
      connection.setAutoCommit(true);
      // As autovacuum would after such growth: the planner sees the tables as they are.
      statement.execute("ANALYZE act_ru_execution, act_ru_task, act_ru_identitylink, act_ru_authorization");
      return copies;
    }
  }

  /**
   * The copies to make, in a temporary table {@code copy_map}: original instance, its case
   * reference, the copy's number, id suffix and case reference ({@code CD-~} and seven hex digits:
   * the length and prefix of a real reference, with a character no real one has). Originals are real refund reviews (filed through the API, not
   * copies themselves), for whole copies only those whose follow-up timer is still to come.
   */
  private static void chooseOriginals(Statement statement, int copies, boolean withWaitingFollowUp)
      throws SQLException {
    statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
    statement.execute("CREATE SEQUENCE IF NOT EXISTS " + SCHEMA + ".copy_number");
    statement.execute("""
        CREATE TEMPORARY TABLE copy_map ON COMMIT DROP AS
        SELECT o.instance, o.reference, s.n, '~' || s.n AS suffix, 'CD-~' || lpad(to_hex(s.n), 7, '0') AS new_reference
        FROM (
          SELECT t.proc_inst_id_ AS instance, e.business_key_ AS reference,
                 row_number() OVER (ORDER BY t.proc_inst_id_) AS position, count(*) OVER () AS originals
          FROM act_ru_task t
          JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
          WHERE t.task_def_key_ = 'Task_ReviewClaim' AND t.proc_def_id_ LIKE 'refund-request:%%'
            AND e.business_key_ NOT LIKE 'CD-~%%'
            AND (NOT %b OR EXISTS (SELECT 1 FROM act_ru_job j WHERE j.process_instance_id_ = t.proc_inst_id_
                 AND j.handler_cfg_ = '%s' AND j.duedate_ > now()))
        ) o
        JOIN (SELECT nextval('%s.copy_number') AS n, g FROM generate_series(1, %d) g) s
          ON (s.g - 1) %% o.originals = o.position - 1
        """.formatted(withWaitingFollowUp, TimerBurstScenario.TIMER, SCHEMA, copies));
    try (ResultSet made = statement.executeQuery("SELECT count(*) FROM copy_map")) {
      made.next();
      if (made.getInt(1) != copies) {
        throw new IllegalStateException("Only " + made.getInt(1) + " of " + copies
            + " copies could be planned: are there open refund reviews filed through the API?");
      }
    }
  }

  /** The executions of the copies, and their review task with its candidate link and authorization. */
  private static void copyExecutionsAndTasks(Connection connection, Statement statement, Map<String, String> taskChanges)
      throws SQLException {
    copy(connection, statement, "act_ru_execution", "FROM act_ru_execution x JOIN copy_map c ON c.instance = x.proc_inst_id_",
        Map.of("business_key_", "c.new_reference", "act_inst_id_", ACTIVITY_INSTANCE));
    copy(connection, statement, "act_ru_task", "FROM act_ru_task x JOIN copy_map c ON c.instance = x.proc_inst_id_",
        taskChanges);
    copy(connection, statement, "act_ru_identitylink", "FROM act_ru_identitylink x"
        + " JOIN act_ru_task t ON t.id_ = x.task_id_ JOIN copy_map c ON c.instance = t.proc_inst_id_", Map.of());
    copy(connection, statement, "act_ru_authorization", "FROM act_ru_authorization x"
        + " JOIN act_ru_task t ON t.id_ = x.resource_id_ AND x.resource_type_ = 7"
        + " JOIN copy_map c ON c.instance = t.proc_inst_id_", Map.of());
  }

  private static void copy(Connection connection, Statement statement, String table, String from,
      Map<String, String> changed) throws SQLException {
    copy(connection, statement, table, from, changed, "public");
  }

  private static void copy(Connection connection, Statement statement, String table, String from,
      Map<String, String> changed, String schema) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
        + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
      query.setString(1, schema);
      query.setString(2, table);
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          columns.add(result.getString(1));
        }
      }
    }
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      if (changed.containsKey(column)) {
        values.add(changed.get(column));
      } else if (OWN_IDS.get(table).contains(column)) {
        values.add("x." + column + " || c.suffix");
      } else {
        values.add("x." + column);
      }
    }
    statement.executeUpdate("INSERT INTO " + schema + "." + table + " (" + String.join(", ", columns) + ") SELECT "
        + String.join(", ", values) + " " + from);
  }
}
