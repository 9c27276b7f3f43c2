package org.claimdesk.commerce;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubscriptionRepository {

  private final JdbcClient jdbc;

  SubscriptionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Subscription> find(String id) {
    return jdbc.sql("""
            select id, customer_id, order_id, plan, amount, currency, cycle_start, cycle_end,
                   last_payment_id, status, billing_active, cancelled_at, access_ends_at,
                   refunded_amount
            from claimdesk.subscription where id = :id""")
        .param("id", id)
        .query((rs, row) -> map(rs))
        .optional();
  }

  /** The subscription with its row locked until the end of the transaction. */
  Optional<Subscription> findForUpdate(String id) {
    return jdbc.sql("""
            select id, customer_id, order_id, plan, amount, currency, cycle_start, cycle_end,
                   last_payment_id, status, billing_active, cancelled_at, access_ends_at,
                   refunded_amount
            from claimdesk.subscription where id = :id for update""")
        .param("id", id)
        .query((rs, row) -> map(rs))
        .optional();
  }

  /** Writes the cancellation state Claimdesk keeps; the shop's fields other than status are left alone. */
  void updateCancellationState(String id, Subscription.Status status, boolean billingActive, Instant cancelledAt,
      Instant accessEndsAt, Long refundedAmount) {
    int updated = jdbc.sql("""
            update claimdesk.subscription
               set status = :status, billing_active = :billingActive, cancelled_at = :cancelledAt,
                   access_ends_at = :accessEndsAt, refunded_amount = :refundedAmount
             where id = :id""")
        .param("status", status.name())
        .param("billingActive", billingActive)
        .param("cancelledAt", DbTimes.toDb(cancelledAt), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("accessEndsAt", DbTimes.toDb(accessEndsAt), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("refundedAmount", refundedAmount, Types.BIGINT)
        .param("id", id)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("Subscription " + id + " not updated (" + updated + " rows)");
    }
  }

  /** Stores the shop's fields; Claimdesk's own columns start as billing active, nothing else set. */
  void insert(SubscriptionRequest subscription, Instant createdAt) {
    jdbc.sql("""
            insert into claimdesk.subscription (id, customer_id, order_id, plan, amount, currency,
                cycle_start, cycle_end, last_payment_id, status, billing_active, created_at)
            values (:id, :customerId, :orderId, :plan, :amount, :currency, :cycleStart, :cycleEnd,
                :lastPaymentId, :status, true, :createdAt)""")
        .param("id", subscription.id())
        .param("customerId", subscription.customerId())
        .param("orderId", subscription.orderId())
        .param("plan", subscription.plan())
        .param("amount", subscription.amount())
        .param("currency", subscription.currency())
        .param("cycleStart", DbTimes.toDb(subscription.cycleStart()))
        .param("cycleEnd", DbTimes.toDb(subscription.cycleEnd()))
        .param("lastPaymentId", subscription.lastPaymentId())
        .param("status", subscription.status().name())
        .param("createdAt", DbTimes.toDb(createdAt))
        .update();
  }

  private static Subscription map(ResultSet rs) throws SQLException {
    long refunded = rs.getLong("refunded_amount");
    Long refundedAmount = rs.wasNull() ? null : refunded;
    return new Subscription(rs.getString("id"), rs.getString("customer_id"),
        rs.getString("order_id"), rs.getString("plan"), rs.getLong("amount"),
        rs.getString("currency"), DbTimes.fromDb(rs, "cycle_start"), DbTimes.fromDb(rs, "cycle_end"),
        rs.getString("last_payment_id"), Subscription.Status.valueOf(rs.getString("status")),
        rs.getBoolean("billing_active"), DbTimes.fromDb(rs, "cancelled_at"),
        DbTimes.fromDb(rs, "access_ends_at"), refundedAmount);
  }
}
