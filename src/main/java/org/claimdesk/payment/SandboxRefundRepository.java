package org.claimdesk.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.claimdesk.commerce.Money;
import org.claimdesk.jdbc.DbTimes;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sandbox processor's refunds, table {@code claimdesk.sandbox_refund}. */
@Repository
@ConditionalOnProperty(name = SandboxPaymentProcessor.PROPERTY, havingValue = SandboxPaymentProcessor.NAME)
class SandboxRefundRepository {

  private static final String COLUMNS = "id, idempotency_key, charge_reference, amount, currency, status, created_at";

  private final JdbcClient jdbc;

  SandboxRefundRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A refund as the sandbox keeps it. */
  record SandboxRefund(String id, String idempotencyKey, String chargeReference, Money amount,
      ProcessorRefund.Status status, Instant createdAt) {

    ProcessorRefund toProcessorRefund() {
      return new ProcessorRefund(id, chargeReference, amount, status);
    }
  }

  Optional<SandboxRefund> findByKey(String idempotencyKey) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.sandbox_refund where idempotency_key = :key")
        .param("key", idempotencyKey)
        .query((rs, row) -> map(rs))
        .optional();
  }

  /** The refunds created from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
  List<SandboxRefund> createdBetween(Instant from, Instant to) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.sandbox_refund"
            + " where created_at >= :from and created_at < :to order by created_at, id")
        .param("from", DbTimes.toDb(from))
        .param("to", DbTimes.toDb(to))
        .query((rs, row) -> map(rs))
        .list();
  }

  /** The amount refunded so far on a charge, in minor units (failed refunds do not count). */
  long refundedOn(String chargeReference) {
    return jdbc.sql("select coalesce(sum(amount), 0) from claimdesk.sandbox_refund"
            + " where charge_reference = :charge and status <> 'FAILED'")
        .param("charge", chargeReference)
        .query(Long.class)
        .single();
  }

  /**
   * Locks the charge until the end of the transaction, so refunds of one charge take turns and
   * two of them cannot both pass the check of what is left to refund. The sandbox has no charge
   * table of its own: the charge is the merchant's payment row, which nothing else updates.
   */
  void lockCharge(String paymentId) {
    jdbc.sql("select id from claimdesk.payment where id = :id for update")
        .param("id", paymentId)
        .query(String.class)
        .optional();
  }

  /** Inserts a refund; a taken key is a {@link org.springframework.dao.DuplicateKeyException}. */
  void insert(SandboxRefund refund) {
    jdbc.sql("""
            insert into claimdesk.sandbox_refund (id, idempotency_key, charge_reference, amount,
                currency, status, created_at)
            values (:id, :key, :charge, :amount, :currency, :status, :createdAt)""")
        .param("id", refund.id())
        .param("key", refund.idempotencyKey())
        .param("charge", refund.chargeReference())
        .param("amount", refund.amount().amount())
        .param("currency", refund.amount().currencyCode())
        .param("status", refund.status().name())
        .param("createdAt", DbTimes.toDb(refund.createdAt()))
        .update();
  }

  private static SandboxRefund map(ResultSet rs) throws SQLException {
    return new SandboxRefund(rs.getString("id"), rs.getString("idempotency_key"),
        rs.getString("charge_reference"), Money.of(rs.getLong("amount"), rs.getString("currency")),
        ProcessorRefund.Status.valueOf(rs.getString("status")), DbTimes.fromDb(rs, "created_at"));
  }
}
