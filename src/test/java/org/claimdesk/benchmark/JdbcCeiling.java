package org.claimdesk.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second baseline: the database's ceiling on this machine. Plain JDBC, no engine and no ORM,
 * writes "cases" of the bare engine's size ({@link BaselineFigures#transactionsPerCase()} commits
 * and {@link BaselineFigures#rowsWrittenPerCase()} rows each) with as many client threads, so the
 * gap between it and the bare engine is what the engine's reads, CPU and locking cost, and the gap
 * between the bare engine and Claimdesk is what Claimdesk adds.
 *
 * <p>What it writes, and why (see {@link #plan}): the bare engine's mix at its default history
 * level (audit), about half inserts, 30% updates and 20% deletes. Runtime-like rows are inserted
 * and later deleted, as the engine does with executions, tasks, jobs and variables; history-like
 * rows are inserted and later updated (a case's end touches every history row of its variables);
 * inserts come first, so a case's first transaction is its largest, as the engine's start is.
 * The tables are shaped like engine rows (a {@code varchar(64)} id primary key, a revision, a few
 * {@code varchar(255)} columns, a timestamp) with one secondary index on the case, as the engine's
 * {@code PROC_INST_ID_} indexes. Like the engine's default on PostgreSQL ({@code jdbcBatchProcessing}
 * is true, so MyBatis's batch executor flushes each kind of statement with {@code addBatch}), each
 * transaction sends one JDBC batch per statement kind, inserts then updates then deletes. What it
 * leaves out on purpose is everything that is not writing: the engine's selects, its expression
 * and DMN evaluation, and its optimistic-locking checks.
 *
 * <p>Rounds have a fixed length; a client finishes the case it is in when time is up. Each round
 * has connections of its own, opened before its clock starts and closed after it stops, so every
 * backend has reported its counts before {@link PgStatistics} reads them.
 */
final class JdbcCeiling {

  static final String SCHEMA = "jdbc_ceiling";
  static final String RESULT_PREFIX = "CEILING-RESULT ";

  /** Shares of a case's rows: the bare engine at history level audit wrote about 50% / 30% / 20%. */
  static final double UPDATE_SHARE = 0.3;
  static final double DELETE_SHARE = 0.2;

  private static final List<String> RUNTIME_TABLES = List.of("runtime_execution", "runtime_variable");
  private static final List<String> HISTORY_TABLES = List.of("history_activity", "history_variable");
  /** Others' transactions a round may show beyond the clients' own: the job of a few background workers. */
  private static final long BACKGROUND_TRANSACTIONS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(JdbcCeiling.class);

  private JdbcCeiling() {
  }

  /** One round: its cases, their transactions and rows as written by the clients, and what PostgreSQL counted. */
  record Round(long cases, double seconds, long transactions, long rowsWritten,
      long countedTransactions, long countedRowsWritten) {

    double casesPerSecond() {
      return cases / seconds;
    }

    double transactionsPerSecond() {
      return transactions / seconds;
    }

    double rowsPerSecond() {
      return rowsWritten / seconds;
    }
  }

  /** The ceiling's figures: medians and spreads over the measured rounds (not the warm-up). */
  record CeilingFigures(Spread casesPerSecond, Spread transactionsPerSecond, Spread rowsPerSecond,
      double transactionsPerCase, double rowsPerCase, int clients, Duration roundLength,
      Round warmup, List<Round> rounds, List<String> warnings) {
  }

  /** What one write does: insert a row, or update or delete one the same case inserted before. */
  enum Operation { INSERT, UPDATE, DELETE }

  /** One row written: the operation, the table and the row's number within its case. */
  record Write(Operation operation, String table, int row) {
  }

  /**
   * Runs a warm-up round and {@code rounds} measured rounds of {@code roundLength} in the schema
   * {@value #SCHEMA}, which it creates first and drops at the end.
   */
  static CeilingFigures run(BenchmarkDatabase db, double transactionsPerCase, double rowsPerCase, int clients,
      int rounds, Duration roundLength) throws SQLException, InterruptedException {
    if (transactionsPerCase < 1 || rowsPerCase < transactionsPerCase) {
      throw new IllegalArgumentException("A case needs at least one transaction and a row for each;"
          + " got " + transactionsPerCase + " transactions and " + rowsPerCase + " rows");
    }
    createSchema(db);
    try {
      AtomicLong caseNumbers = new AtomicLong();
      Round warmup = round(db, transactionsPerCase, rowsPerCase, clients, roundLength, caseNumbers);
      LOG.info("JDBC ceiling warm-up: {}", warmup);
      List<Round> measured = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      for (int i = 1; i <= rounds; i++) {
        Round round = round(db, transactionsPerCase, rowsPerCase, clients, roundLength, caseNumbers);
        LOG.info("JDBC ceiling round {}: {}", i, round);
        checkCounts(i, round, clients).ifPresent(warning -> {
          LOG.warn(warning);
          warnings.add(warning);
        });
        measured.add(round);
      }
      return new CeilingFigures(Spread.of(measured.stream().map(Round::casesPerSecond).toList()),
          Spread.of(measured.stream().map(Round::transactionsPerSecond).toList()),
          Spread.of(measured.stream().map(Round::rowsPerSecond).toList()),
          transactionsPerCase, rowsPerCase, clients, roundLength, warmup, List.copyOf(measured), List.copyOf(warnings));
    } finally {
      dropSchema(db);
    }
  }

  /**
   * Whether PostgreSQL counted what the clients meant to write. Rows must match exactly.
   * Transactions may exceed the clients' by the connections' start-ups (PostgreSQL counts each
   * backend's start-up transaction) and a few of the server's own; the statistics readings are left out.
   */
  static Optional<String> checkCounts(int roundNumber, Round round, int clients) {
    long extraTransactions = round.countedTransactions() - round.transactions();
    long allowedExtra = clients + BACKGROUND_TRANSACTIONS;
    if (round.countedRowsWritten() != round.rowsWritten() || extraTransactions < 0 || extraTransactions > allowedExtra) {
      return Optional.of(String.format(Locale.ROOT,
          "WARNING JDBC ceiling round %d: PostgreSQL counted %d transactions and %d rows written,"
              + " the clients wrote %d and %d", roundNumber, round.countedTransactions(), round.countedRowsWritten(),
          round.transactions(), round.rowsWritten()));
    }
    return Optional.empty();
  }

  /**
   * The transactions of case number {@code caseNumber}, each a list of writes. Fractions of
   * {@code transactionsPerCase} and {@code rowsPerCase} are spread over consecutive cases (see
   * {@link #share}), so any run of cases averages to the given sizes.
   */
  static List<List<Write>> plan(long caseNumber, double transactionsPerCase, double rowsPerCase) {
    int rows = share(caseNumber, rowsPerCase);
    // Only when the two sizes are nearly equal could a case have fewer rows than transactions; no empty commits.
    int transactions = Math.min(share(caseNumber, transactionsPerCase), rows);
    int deletes = (int) (rows * DELETE_SHARE);
    int updates = (int) (rows * UPDATE_SHARE);
    int inserts = rows - updates - deletes;
    // Every runtime row is deleted again; the other inserts are history rows, which the updates touch in turn.
    int runtimeRows = deletes;
    int historyRows = inserts - runtimeRows;
    List<Write> writes = new ArrayList<>(rows);
    for (int row = 0; row < runtimeRows; row++) {
      writes.add(new Write(Operation.INSERT, RUNTIME_TABLES.get(row % RUNTIME_TABLES.size()), row));
    }
    for (int row = runtimeRows; row < inserts; row++) {
      writes.add(new Write(Operation.INSERT, HISTORY_TABLES.get(row % HISTORY_TABLES.size()), row));
    }
    for (int i = 0; i < updates; i++) {
      int row = runtimeRows + i % historyRows;
      writes.add(new Write(Operation.UPDATE, HISTORY_TABLES.get(row % HISTORY_TABLES.size()), row));
    }
    for (int row = 0; row < runtimeRows; row++) {
      writes.add(new Write(Operation.DELETE, RUNTIME_TABLES.get(row % RUNTIME_TABLES.size()), row));
    }
    List<List<Write>> plan = new ArrayList<>(transactions);
    int next = 0;
    for (int t = 0; t < transactions; t++) {
      int size = rows / transactions + (t < rows % transactions ? 1 : 0);
      plan.add(List.copyOf(writes.subList(next, next + size)));
      next += size;
    }
    return plan;
  }

  /**
   * Case {@code caseNumber}'s whole share of {@code perCase}: 3.3 gives 3, 3, 3, 4, 3, 3, 4, ...,
   * so that cases 0 to n-1 together get {@code n × perCase}, rounded down. Counted in thousandths,
   * so decimal sizes such as 3.3 add up exactly.
   */
  static int share(long caseNumber, double perCase) {
    long thousandths = Math.round(perCase * 1000);
    return (int) ((caseNumber + 1) * thousandths / 1000 - caseNumber * thousandths / 1000);
  }

  private static Round round(BenchmarkDatabase db, double transactionsPerCase, double rowsPerCase, int clients,
      Duration length, AtomicLong caseNumbers) throws SQLException, InterruptedException {
    PgStatistics before = PgStatistics.settled(db, Duration.ZERO);
    List<Client> running = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        running.add(new Client(db.connect(), transactionsPerCase, rowsPerCase, caseNumbers));
      }
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long start = System.nanoTime();
      long deadline = start + length.toNanos();
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (Client client : running) {
          futures.add(pool.submit(() -> {
            go.await();
            client.runUntil(deadline);
            return null;
          }));
        }
        go.countDown();
        for (Future<?> future : futures) {
          future.get();
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException("A JDBC ceiling client failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      // Closing makes each backend report its counts now, not up to ten seconds later when idle.
      for (Client client : running) {
        client.connection.close();
      }
      PgStatistics counted = PgStatistics.settled(db, Duration.ZERO).minus(before);
      return new Round(running.stream().mapToLong(c -> c.cases).sum(), seconds,
          running.stream().mapToLong(c -> c.transactions).sum(), running.stream().mapToLong(c -> c.rows).sum(),
          counted.transactions(), counted.rowsWritten());
    } finally {
      for (Client client : running) {
        client.connection.close();
      }
    }
  }

  /** One client thread's connection and counts. */
  private static final class Client {

    private final Connection connection;
    private final double transactionsPerCase;
    private final double rowsPerCase;
    private final AtomicLong caseNumbers;
    private final Map<Operation, Map<String, PreparedStatement>> statements = new EnumMap<>(Operation.class);
    private long cases;
    private long transactions;
    private long rows;

    Client(Connection connection, double transactionsPerCase, double rowsPerCase, AtomicLong caseNumbers)
        throws SQLException {
      this.connection = connection;
      this.transactionsPerCase = transactionsPerCase;
      this.rowsPerCase = rowsPerCase;
      this.caseNumbers = caseNumbers;
      connection.setAutoCommit(false);
      for (Operation operation : Operation.values()) {
        Map<String, PreparedStatement> byTable = new LinkedHashMap<>();
        for (String table : allTables()) {
          byTable.put(table, connection.prepareStatement(sql(operation, table)));
        }
        statements.put(operation, byTable);
      }
    }

    void runUntil(long deadline) throws SQLException {
      while (System.nanoTime() < deadline) {
        long caseNumber = caseNumbers.getAndIncrement();
        for (List<Write> transaction : plan(caseNumber, transactionsPerCase, rowsPerCase)) {
          write(caseNumber, transaction);
          transactions++;
          rows += transaction.size();
        }
        cases++;
      }
    }

    /** One transaction: a batch per statement kind, in the plan's order (inserts, updates, deletes), then commit. */
    private void write(long caseNumber, List<Write> transaction) throws SQLException {
      String caseId = "case-" + caseNumber;
      Timestamp now = new Timestamp(System.currentTimeMillis());
      List<PreparedStatement> batches = new ArrayList<>();
      for (Write write : transaction) {
        PreparedStatement statement = statements.get(write.operation()).get(write.table());
        String id = caseId + "-" + write.row();
        switch (write.operation()) {
          case INSERT -> {
            statement.setString(1, id);
            statement.setString(2, caseId);
            statement.setString(3, write.table() + " " + write.row());
            statement.setString(4, "string");
            statement.setString(5, "value of row " + write.row() + " in " + caseId);
            statement.setTimestamp(6, now);
          }
          case UPDATE -> {
            statement.setString(1, "updated at " + now);
            statement.setTimestamp(2, now);
            statement.setString(3, id);
          }
          case DELETE -> statement.setString(1, id);
        }
        statement.addBatch();
        if (!batches.contains(statement)) {
          batches.add(statement);
        }
      }
      for (PreparedStatement batch : batches) {
        batch.executeBatch();
      }
      connection.commit();
    }
  }

  private static List<String> allTables() {
    List<String> tables = new ArrayList<>(RUNTIME_TABLES);
    tables.addAll(HISTORY_TABLES);
    return tables;
  }

  private static String sql(Operation operation, String table) {
    return switch (operation) {
      case INSERT -> "INSERT INTO " + SCHEMA + "." + table
          + " (id, rev, case_id, name, type, text_value, created_at) VALUES (?, 1, ?, ?, ?, ?, ?)";
      case UPDATE -> "UPDATE " + SCHEMA + "." + table + " SET rev = rev + 1, text_value = ?, ended_at = ? WHERE id = ?";
      case DELETE -> "DELETE FROM " + SCHEMA + "." + table + " WHERE id = ?";
    };
  }

  private static void createSchema(BenchmarkDatabase db) throws SQLException {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
      for (String table : allTables()) {
        statement.execute("CREATE TABLE " + SCHEMA + "." + table + " (id varchar(64) PRIMARY KEY, rev bigint NOT NULL,"
            + " case_id varchar(255) NOT NULL, name varchar(255), type varchar(255), text_value varchar(255),"
            + " created_at timestamp NOT NULL, ended_at timestamp)");
        statement.execute("CREATE INDEX " + table + "_case ON " + SCHEMA + "." + table + " (case_id)");
      }
    }
  }

  private static void dropSchema(BenchmarkDatabase db) throws SQLException {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  /**
   * For trying the ceiling alone: {@code db.url}, {@code db.user}, {@code db.password},
   * {@code transactionsPerCase}, {@code rowsPerCase}, {@code clients}, {@code rounds}, {@code seconds}.
   * Prints {@value #RESULT_PREFIX} and the figures as JSON.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> arguments = new LinkedHashMap<>();
    for (String argument : args) {
      int equals = argument.indexOf('=');
      arguments.put(argument.substring(0, equals), argument.substring(equals + 1));
    }
    BenchmarkDatabase db = new BenchmarkDatabase(arguments.getOrDefault("db.url", BenchmarkDatabase.DEFAULT_URL),
        arguments.getOrDefault("db.user", "postgres"), arguments.getOrDefault("db.password", ""));
    CeilingFigures figures = run(db, Double.parseDouble(arguments.getOrDefault("transactionsPerCase", "6")),
        Double.parseDouble(arguments.getOrDefault("rowsPerCase", "105")),
        Integer.parseInt(arguments.getOrDefault("clients", "8")),
        Integer.parseInt(arguments.getOrDefault("rounds", "5")),
        Duration.ofSeconds(Long.parseLong(arguments.getOrDefault("seconds", "20"))));
    // The result is this main's output, for whoever ran it; not a log line.
    System.out.println(RESULT_PREFIX + new ObjectMapper().findAndRegisterModules().writeValueAsString(figures));
  }
}
