package org.claimdesk.commerce;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only wallet ledger: rows are inserted and read, never updated or deleted. The
 * database stores signed amounts (a PURCHASE is negative), so a balance is a plain sum.
 */
@Repository
class WalletEntryRepository {

  private static final String COLUMNS =
      "id, customer_id, order_id, kind, amount, currency, source, created_at";

  private final JdbcClient jdbc;

  WalletEntryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<WalletEntry> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.wallet_entry where id = :id")
        .param("id", id)
        .query((rs, row) -> map(rs))
        .optional();
  }

  Optional<WalletEntry> findByRechargeOrder(String orderId) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.wallet_entry"
            + " where recharge_order_id = :orderId")
        .param("orderId", orderId)
        .query((rs, row) -> map(rs))
        .optional();
  }

  List<WalletEntry> findByCustomer(String customerId) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.wallet_entry"
            + " where customer_id = :customerId order by created_at, id")
        .param("customerId", customerId)
        .query((rs, row) -> map(rs))
        .list();
  }

  /** The sum of the customer's signed amounts; 0 without entries. */
  long balanceOf(String customerId) {
    return jdbc.sql("select coalesce(sum(amount), 0) from claimdesk.wallet_entry"
            + " where customer_id = :customerId")
        .param("customerId", customerId)
        .query(Long.class)
        .single();
  }

  /** The wallet's currency (all its entries share one); empty without entries. */
  Optional<String> currencyOf(String customerId) {
    return jdbc.sql("select min(currency) from claimdesk.wallet_entry where customer_id = :customerId")
        .param("customerId", customerId)
        .query(String.class)
        .optional();
  }

  void insert(WalletEntry entry) {
    jdbc.sql("""
            insert into claimdesk.wallet_entry (id, customer_id, order_id, kind, amount, currency,
                source, recharge_order_id, created_at)
            values (:id, :customerId, :orderId, :kind, :amount, :currency, :source,
                :rechargeOrderId, :createdAt)""")
        .param("id", entry.id())
        .param("customerId", entry.customerId())
        .param("orderId", entry.orderId())
        .param("kind", entry.kind().name())
        .param("amount", entry.balanceChange())
        .param("currency", entry.currency())
        .param("source", entry.source().name())
        .param("rechargeOrderId", entry.kind() == WalletEntry.Kind.RECHARGE ? entry.orderId() : null)
        .param("createdAt", DbTimes.toDb(entry.createdAt()))
        .update();
  }

  private static WalletEntry map(ResultSet rs) throws SQLException {
    WalletEntry.Kind kind = WalletEntry.Kind.valueOf(rs.getString("kind"));
    long signed = rs.getLong("amount");
    return new WalletEntry(rs.getString("id"), rs.getString("customer_id"),
        rs.getString("order_id"), kind, kind.balanceChange(signed), rs.getString("currency"),
        WalletEntry.Source.valueOf(rs.getString("source")), DbTimes.fromDb(rs, "created_at"));
  }
}
