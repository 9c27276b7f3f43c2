package org.claimdesk.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A {@link CasePath} run end to end, closed loop: {@code clients} customers and agents each take
 * the next case, file it and take their steps, and go on to the next while the job executor
 * finishes the last. A round is over when its last case is resolved (the case's {@code closed_at},
 * written in the resolving transaction); its rate is cases / (last resolution - round start).
 * Transactions and rows written per case come from PostgreSQL's statistics over all measured rounds.
 * With several nodes on one database, the clients are spread over them.
 */
final class PathScenario {

  /** One measured round. */
  record Round(int cases, double seconds, double casesPerSecond) {
  }

  /** A path's figures: cases per second per round, and transactions and rows written per case. */
  record Result(CasePath path, int clients, List<Round> rounds, Spread casesPerSecond, double transactionsPerCase,
      double rowsWrittenPerCase) {
  }

  private static final Duration RESOLUTION_LIMIT = Duration.ofMinutes(5);

  private final List<ClaimdeskNode> nodes;
  private final BenchmarkDatabase database;
  private final MerchantData merchant;

  PathScenario(ClaimdeskNode node, BenchmarkDatabase database) {
    this(List.of(node), database);
  }

  /** The clients spread over several nodes on one database: client c works on node c mod n. */
  PathScenario(List<ClaimdeskNode> nodes, BenchmarkDatabase database) {
    this.nodes = List.copyOf(nodes);
    this.database = database;
    this.merchant = new MerchantData(database);
  }

  Result run(CasePath path, int warmupCases, int rounds, int casesPerRound, int clients) throws Exception {
    String prefix = "b" + path.name().toLowerCase().charAt(0) + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    if (warmupCases > 0) {
      round(path, path.records(merchant, prefix + "w", warmupCases), clients);
    }
    List<List<String>> records = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      records.add(path.records(merchant, prefix + "r" + r, casesPerRound));
    }
    PgStatistics before = PgStatistics.settled(database, Duration.ofSeconds(11));
    List<Round> measured = new ArrayList<>();
    for (List<String> round : records) {
      measured.add(round(path, round, clients));
    }
    PgStatistics done = PgStatistics.settled(database, Duration.ofSeconds(11)).minus(before);
    int cases = rounds * casesPerRound;
    return new Result(path, clients, measured, Spread.of(measured.stream().map(Round::casesPerSecond).toList()),
        (double) done.transactions() / cases, (double) done.rowsWritten() / cases);
  }

  private Round round(CasePath path, List<String> records, int clients) throws Exception {
    Queue<String> work = new ConcurrentLinkedQueue<>(records);
    Queue<String> references = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    Instant start = Instant.now();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        ClaimdeskNode node = nodes.get(c % nodes.size());
        workers.add(pool.submit(() -> {
          String record;
          while ((record = work.poll()) != null) {
            references.add(path.drive(node, record));
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Instant last = awaitResolved(List.copyOf(references));
    double seconds = Duration.between(start, last).toNanos() / 1e9;
    return new Round(records.size(), seconds, records.size() / seconds);
  }

  /** Polls until every case is resolved; answers when the last one was. */
  private Instant awaitResolved(List<String> references) throws SQLException, InterruptedException {
    Instant giveUp = Instant.now().plus(RESOLUTION_LIMIT);
    PgStatistics.countOwnTransaction();
    try (Connection connection = database.connect();
        PreparedStatement query = connection.prepareStatement("SELECT count(*), max(closed_at)"
            + " FROM claimdesk.claim_case WHERE reference = ANY (?) AND status = 'RESOLVED'")) {
      Array array = connection.createArrayOf("varchar", references.toArray());
      query.setArray(1, array);
      while (true) {
        try (ResultSet result = query.executeQuery()) {
          PgStatistics.countOwnTransaction();
          result.next();
          if (result.getInt(1) == references.size()) {
            return result.getTimestamp(2).toInstant();
          }
          if (Instant.now().isAfter(giveUp)) {
            throw new IllegalStateException(result.getInt(1) + " of " + references.size()
                + " cases resolved after " + RESOLUTION_LIMIT + "; see target/nodes/benchmark.log");
          }
        }
        Thread.sleep(50);
      }
    }
  }
}
