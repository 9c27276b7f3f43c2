package org.claimdesk.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.claimdesk.commerce.Money;
import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code claimdesk.payout} table. Each method runs in the caller's transaction. */
@Repository
class PayoutRepository {

  private static final String COLUMNS = "case_reference, step, kind, payment_id, customer_id, amount,"
      + " currency, status, reference, attempts, last_error, created_at, updated_at";

  private final JdbcClient jdbc;

  PayoutRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Payout> find(PayoutKey key) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.payout where idempotency_key = :key")
        .param("key", key.value())
        .query((rs, row) -> map(rs))
        .optional();
  }

  /** Reads the payout and locks its row until the end of the transaction. */
  Optional<Payout> lock(PayoutKey key) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.payout where idempotency_key = :key for update")
        .param("key", key.value())
        .query((rs, row) -> map(rs))
        .optional();
  }

  /** The refund payouts recorded from {@code from} (inclusive) to {@code to} (exclusive). */
  List<Payout> refundsRecordedBetween(Instant from, Instant to) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.payout where kind = 'REFUND'"
            + " and created_at >= :from and created_at < :to order by created_at")
        .param("from", DbTimes.toDb(from))
        .param("to", DbTimes.toDb(to))
        .query((rs, row) -> map(rs))
        .list();
  }

  /** Inserts a new payout; a taken key is a {@link org.springframework.dao.DuplicateKeyException}. */
  void insert(Payout payout) {
    jdbc.sql("""
            insert into claimdesk.payout (idempotency_key, case_reference, step, kind, payment_id,
                customer_id, amount, currency, status, reference, attempts, last_error, created_at,
                updated_at)
            values (:key, :caseReference, :step, :kind, :paymentId, :customerId, :amount, :currency,
                :status, :reference, :attempts, :lastError, :createdAt, :updatedAt)""")
        .param("key", payout.idempotencyKey())
        .param("caseReference", payout.key().caseReference())
        .param("step", payout.key().step())
        .param("kind", payout.kind().name())
        .param("paymentId", payout.paymentId())
        .param("customerId", payout.customerId())
        .param("amount", payout.amount().amount())
        .param("currency", payout.amount().currencyCode())
        .param("status", payout.status().name())
        .param("reference", payout.reference())
        .param("attempts", payout.attempts())
        .param("lastError", payout.lastError())
        .param("createdAt", DbTimes.toDb(payout.createdAt()))
        .param("updatedAt", DbTimes.toDb(payout.updatedAt()))
        .update();
  }

  /** Counts one more attempt of a payout that has not succeeded. */
  void countAttempt(PayoutKey key, Instant now) {
    jdbc.sql("update claimdesk.payout set attempts = attempts + 1, updated_at = :now"
            + " where idempotency_key = :key and status <> 'SUCCEEDED'")
        .param("key", key.value())
        .param("now", DbTimes.toDb(now))
        .update();
  }

  /**
   * Sets the outcome of an attempt: its status and where the money went. A SUCCEEDED payout is
   * never changed again.
   *
   * @return whether the row was changed
   */
  boolean recordOutcome(PayoutKey key, Payout.Status status, String reference, Instant now) {
    return jdbc.sql("""
            update claimdesk.payout
               set status = :status, reference = :reference, updated_at = :now
             where idempotency_key = :key and status <> 'SUCCEEDED'""")
        .param("key", key.value())
        .param("status", status.name())
        .param("reference", reference)
        .param("now", DbTimes.toDb(now))
        .update() == 1;
  }

  /** Records the failure of an attempt on a payout that has not succeeded. */
  void recordError(PayoutKey key, String error, Instant now) {
    jdbc.sql("update claimdesk.payout set last_error = :error, updated_at = :now"
            + " where idempotency_key = :key and status <> 'SUCCEEDED'")
        .param("key", key.value())
        .param("error", error)
        .param("now", DbTimes.toDb(now))
        .update();
  }

  private static Payout map(ResultSet rs) throws SQLException {
    return new Payout(new PayoutKey(rs.getString("case_reference"), rs.getString("step")),
        Payout.Kind.valueOf(rs.getString("kind")), rs.getString("payment_id"),
        rs.getString("customer_id"), Money.of(rs.getLong("amount"), rs.getString("currency")),
        Payout.Status.valueOf(rs.getString("status")), rs.getString("reference"),
        rs.getInt("attempts"), rs.getString("last_error"), DbTimes.fromDb(rs, "created_at"),
        DbTimes.fromDb(rs, "updated_at"));
  }

}
