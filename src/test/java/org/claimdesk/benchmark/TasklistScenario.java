package org.claimdesk.benchmark;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tasklist's busiest query with a large backlog: the support group's queue, first page, soonest due
 * first, through {@code /engine-rest/task} as a support agent, authorization on, one request after
 * another.
 *
 * <p>The backlog: the open reviews the intake and timer scenarios left (real cases filed through
 * the API, at least a thousand, filed here if fewer are open, and the timer burst's copies) are
 * copied in SQL until {@code openTasks} are open ({@link RuntimeCopies#copyReviewTasks}: the rows
 * the task query and its authorization check read, the due dates spread over the next 48 hours).
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

  private void growBacklog(int openTasks) throws SQLException {
    long open = count("SELECT count(*) FROM act_ru_task");
    if (openTasks > open) {
      RuntimeCopies.copyReviewTasks(database, (int) (openTasks - open));
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
