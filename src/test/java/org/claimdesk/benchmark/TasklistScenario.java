package org.claimdesk.benchmark;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tasklist's busiest query with a large backlog: the support group's queue, first page, soonest due
 * first, through {@code /engine-rest/task} as a support agent, authorization on, one request after
 * another.
 *
 * <p>The backlog: the open reviews the intake and timer scenarios left (real cases, filed through
 * the API; at least a thousand, filed here if fewer are open) are copied in SQL until {@code openTasks} are open. A copy has the rows the task query
 * and its authorization check read (the instance's executions, the task with its due date moved
 * within the next 48 hours, its candidate-group link and the group's authorization on it) under ids
 * of its own; filing 100,000 claims through the API would take longer than the whole benchmark.
 * Copies have no variables or jobs: no one works on them, they only make the queue long.
 */
final class TasklistScenario {

  /** One round of queries: percentiles in milliseconds. */
  record Round(int queries, double p50, double p95, double max) {
  }

  /** The backlog's size and the rounds' p50/p95 medians and spread. */
  record Result(long openTasks, long supportQueue, int pageSize, List<Round> rounds, Spread p50, Spread p95) {
  }

  static final String QUERY = "/engine-rest/task?candidateGroup=support&unassigned=true"
      + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15";
  private static final int PAGE = 15;
  /** Real open reviews the copies are made from, filed first if the earlier scenarios left fewer. */
  private static final long REAL_REVIEWS = 1_000;

  private final ClaimdeskNode node;
  private final BenchmarkDatabase database;

  TasklistScenario(ClaimdeskNode node, BenchmarkDatabase database) {
    this.node = node;
    this.database = database;
  }

  Result run(int openTasks, int warmupQueries, int rounds, int queriesPerRound, int clients) throws Exception {
    RefundClaims.file(node, database, (int) (REAL_REVIEWS - count("SELECT count(*) FROM act_ru_task"
        + " WHERE task_def_key_ = 'Task_ReviewClaim' AND proc_def_id_ LIKE 'refund-request:%'")), clients);
    growBacklog(openTasks);
    long open = count("SELECT count(*) FROM act_ru_task");
    long queue = node.send("GET", "/engine-rest/task/count?candidateGroup=support&unassigned=true",
        ClaimdeskNode.AGENT, null, 200).path("count").asLong();
    for (int q = 0; q < warmupQueries; q++) {
      query();
    }
    List<Round> measured = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
      for (int q = 0; q < queriesPerRound; q++) {
        histogram.recordValue(Math.max(1, query() / 1000));
      }
      measured.add(new Round(queriesPerRound, histogram.getValueAtPercentile(50) / 1000.0,
          histogram.getValueAtPercentile(95) / 1000.0, histogram.getMaxValue() / 1000.0));
    }
    return new Result(open, queue, PAGE, measured, Spread.of(measured.stream().map(Round::p50).toList()),
        Spread.of(measured.stream().map(Round::p95).toList()));
  }

  /** One query; answers its time in nanoseconds, failing unless it answers a full page in due-date order. */
  private long query() throws Exception {
    HttpRequest request = node.request(QUERY, ClaimdeskNode.AGENT).GET().build();
    long start = System.nanoTime();
    HttpResponse<String> response = node.http().send(request, HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - start;
    if (response.statusCode() != 200) {
      throw new IllegalStateException("The task query answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode page = ClaimdeskNode.parse(response.body());
    if (page.size() != PAGE) {
      throw new IllegalStateException("The task query answered " + page.size() + " tasks, not a page of " + PAGE);
    }
    for (int i = 1; i < page.size(); i++) {
      if (page.get(i - 1).path("due").asText().compareTo(page.get(i).path("due").asText()) > 0) {
        throw new IllegalStateException("The task query's page is not in due-date order");
      }
    }
    return took;
  }

  /** Which columns of a copied row are ids of the copied instance's own rows, and get a suffix. */
  private static final Map<String, Set<String>> OWN_IDS = Map.of(
      "act_ru_execution", Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "parent_id_", "business_key_"),
      "act_ru_task", Set.of("id_", "execution_id_", "proc_inst_id_"),
      "act_ru_identitylink", Set.of("id_", "task_id_"),
      "act_ru_authorization", Set.of("id_", "resource_id_"));

  private void growBacklog(int openTasks) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      long open;
      try (ResultSet result = statement.executeQuery("SELECT count(*) FROM act_ru_task")) {
        result.next();
        open = result.getLong(1);
      }
      long copies = openTasks - open;
      if (copies <= 0) {
        return;
      }
      // The instances to copy: open support reviews of refund claims, each copied n times.
      statement.execute("""
          CREATE TEMPORARY TABLE backlog_copy ON COMMIT DROP AS
          SELECT t.proc_inst_id_ AS instance, n, '~' || n AS suffix
          FROM act_ru_task t
          JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ = 'support'
          CROSS JOIN generate_series(1, 1000) n
          WHERE t.task_def_key_ = 'Task_ReviewClaim'
          ORDER BY n, t.proc_inst_id_
          LIMIT %d""".formatted(copies));
      copy(connection, statement, "act_ru_execution", "FROM act_ru_execution x"
          + " JOIN backlog_copy c ON c.instance = x.proc_inst_id_", Map.of());
      copy(connection, statement, "act_ru_task", "FROM act_ru_task x JOIN backlog_copy c ON c.instance = x.proc_inst_id_",
          Map.of("due_date_", "x.due_date_ + ((c.n * 7919) % 172800) * interval '1 second'"));
      copy(connection, statement, "act_ru_identitylink", "FROM act_ru_identitylink x"
          + " JOIN act_ru_task t ON t.id_ = x.task_id_ JOIN backlog_copy c ON c.instance = t.proc_inst_id_", Map.of());
      copy(connection, statement, "act_ru_authorization", "FROM act_ru_authorization x"
          + " JOIN act_ru_task t ON t.id_ = x.resource_id_ AND x.resource_type_ = 7"
          + " JOIN backlog_copy c ON c.instance = t.proc_inst_id_", Map.of());
      connection.commit();
      connection.setAutoCommit(true);
      // As autovacuum would after such growth: the planner sees the tables as they are.
      statement.execute("ANALYZE act_ru_execution, act_ru_task, act_ru_identitylink, act_ru_authorization");
    }
  }

  private static void copy(Connection connection, Statement statement, String table, String from,
      Map<String, String> changed) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
      query.setString(1, table);
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
    statement.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
        + String.join(", ", values) + " " + from);
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
