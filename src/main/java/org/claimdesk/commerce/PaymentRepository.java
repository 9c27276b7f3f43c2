package org.claimdesk.commerce;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRepository {

  private static final String COLUMNS =
      "id, order_id, processor_reference, amount, currency, captured_at, status";

  private final JdbcClient jdbc;

  PaymentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Payment> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.payment where id = :id")
        .param("id", id)
        .query((rs, row) -> map(rs))
        .optional();
  }

  List<Payment> findByOrder(String orderId) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.payment where order_id = :orderId"
            + " order by captured_at, id")
        .param("orderId", orderId)
        .query((rs, row) -> map(rs))
        .list();
  }

  List<Payment> findByProcessorReference(String processorReference) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.payment"
            + " where processor_reference = :processorReference order by captured_at, id")
        .param("processorReference", processorReference)
        .query((rs, row) -> map(rs))
        .list();
  }

  void insert(Payment payment, Instant createdAt) {
    jdbc.sql("""
            insert into claimdesk.payment (id, order_id, processor_reference, amount, currency,
                captured_at, status, created_at)
            values (:id, :orderId, :processorReference, :amount, :currency, :capturedAt, :status,
                :createdAt)""")
        .param("id", payment.id())
        .param("orderId", payment.orderId())
        .param("processorReference", payment.processorReference())
        .param("amount", payment.amount())
        .param("currency", payment.currency())
        .param("capturedAt", DbTimes.toDb(payment.capturedAt()))
        .param("status", payment.status().name())
        .param("createdAt", DbTimes.toDb(createdAt))
        .update();
  }

  private static Payment map(ResultSet rs) throws SQLException {
    return new Payment(rs.getString("id"), rs.getString("order_id"),
        rs.getString("processor_reference"), rs.getLong("amount"), rs.getString("currency"),
        DbTimes.fromDb(rs, "captured_at"), Payment.Status.valueOf(rs.getString("status")));
  }
}
