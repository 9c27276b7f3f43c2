package org.claimdesk.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What PostgreSQL's statistics views say the benchmark's database did: committed transactions
 * ({@code pg_stat_database.xact_commit}) and rows written (inserted + updated + deleted, summed
 * over {@code pg_stat_user_tables}), read before and after a phase. The benchmark's own
 * transactions on the database (these readings, polls, and the start-up transaction PostgreSQL
 * counts for every new connection) are counted as they happen and left out of every difference.
 */
record PgStatistics(long transactions, long rowsWritten, long ownTransactions) {

  private static final AtomicLong OWN = new AtomicLong();

  /** Counts one transaction the benchmark itself committed on the database (a poll, a new connection). */
  static void countOwnTransaction() {
    OWN.incrementAndGet();
  }

  static PgStatistics read(BenchmarkDatabase database) throws SQLException {
    countOwnTransaction();
    try (Connection connection = database.connect()) {
      return read(connection);
    }
  }

  private static PgStatistics read(Connection connection) throws SQLException {
    long own = OWN.get();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT (SELECT xact_commit FROM pg_stat_database"
            + " WHERE datname = current_database()), (SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)"
            + " FROM pg_stat_user_tables)")) {
      result.next();
      return new PgStatistics(result.getLong(1), result.getLong(2), own);
    } finally {
      countOwnTransaction();
    }
  }

  /**
   * Reads once a second, on one connection, until {@code minimum} has passed and two readings a
   * second apart show no new rows and at most a few others' transactions (the job executor looking
   * for jobs), giving up ten seconds later. PostgreSQL 15 reports an idle backend's counts up to
   * ten seconds late, so a phase's figures are taken only after waiting at least that long.
   */
  static PgStatistics settled(BenchmarkDatabase database, Duration minimum) throws SQLException, InterruptedException {
    Instant earliest = Instant.now().plus(minimum);
    Instant giveUp = earliest.plusSeconds(10);
    countOwnTransaction();
    try (Connection connection = database.connect()) {
      PgStatistics previous = read(connection);
      while (true) {
        Thread.sleep(1000);
        PgStatistics current = read(connection);
        boolean quiet = current.rowsWritten == previous.rowsWritten && current.minus(previous).transactions <= 3;
        if (quiet && Instant.now().isAfter(earliest) || Instant.now().isAfter(giveUp)) {
          return current;
        }
        previous = current;
      }
    }
  }

  /** What others did between {@code earlier} and this reading: the benchmark's own transactions left out. */
  PgStatistics minus(PgStatistics earlier) {
    return new PgStatistics(transactions - earlier.transactions - (ownTransactions - earlier.ownTransactions),
        rowsWritten - earlier.rowsWritten, 0);
  }
}
