package org.claimdesk.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The merchant's records the benchmark's claims are about, written straight into the
 * {@code claimdesk} schema in batches: what the shop would have fed through the merchant API
 * before the claims come in. Setting up thousands of orders through that API would take longer
 * than the scenarios themselves, and it is not what the benchmark measures.
 *
 * <p>Ids are {@code <prefix>-<n>}; each customer's email is {@link #email}.
 */
final class MerchantData {

  private final BenchmarkDatabase database;

  MerchantData(BenchmarkDatabase database) {
    this.database = database;
  }

  static String email(String orderId) {
    return orderId + "@bench.example";
  }

  /**
   * Service orders rendered three days ago, 90.00 EUR paid four days ago (a refund claim that
   * goes to review, RF-1), or, with {@code walletRecharge}, 25.00 EUR wallet recharges paid 80 hours
   * ago and never credited (WR-2). Answers the order ids; each payment is {@code pay-<order id>}.
   */
  List<String> paidOrders(String prefix, int count, boolean walletRecharge) throws SQLException {
    Instant orderedAt = Instant.now().minus(walletRecharge ? Duration.ofHours(80) : Duration.ofDays(4))
        .truncatedTo(ChronoUnit.SECONDS);
    return write(prefix, count, (rows, id) -> {
      rows.customer(id);
      rows.order(id, walletRecharge ? "WALLET_RECHARGE" : "SERVICE", walletRecharge ? 2500 : 9000, orderedAt,
          walletRecharge ? null : LocalDate.now(ZoneOffset.UTC).minusDays(3));
      rows.payment("pay-" + id, id, walletRecharge ? 2500 : 9000, orderedAt.plusSeconds(60));
      return id;
    });
  }

  /**
   * Orders paid twice two hours ago, one minute apart (a duplicate charge, PD-1/PD-4); the second
   * payment, {@code pay2-<order id>}, is the one reported.
   */
  List<String> doublyPaidOrders(String prefix, int count) throws SQLException {
    Instant paidAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    return write(prefix, count, (rows, id) -> {
      rows.customer(id);
      rows.order(id, "SERVICE", 2500, paidAt.minusSeconds(60), LocalDate.now(ZoneOffset.UTC).plusDays(7));
      rows.payment("pay-" + id, id, 2500, paidAt);
      rows.payment("pay2-" + id, id, 2500, paidAt.plusSeconds(60));
      return id;
    });
  }

  /**
   * Monthly subscriptions whose last payment (19.99 EUR) was three days ago, the cycle ending in 27
   * days: a cancellation with a refund asked is refunded at once (SC-3). Answers the subscription ids
   * ({@code sub-<order id>}).
   */
  List<String> subscriptions(String prefix, int count) throws SQLException {
    Instant paidAt = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
    return write(prefix, count, (rows, id) -> {
      rows.customer(id);
      rows.order(id, "SUBSCRIPTION", 1999, paidAt.minusSeconds(60), null);
      rows.payment("pay-" + id, id, 1999, paidAt);
      rows.subscription("sub-" + id, id, paidAt, paidAt.plus(Duration.ofDays(30)), "pay-" + id);
      return "sub-" + id;
    });
  }

  /** The rows of one record; answers the id the claim will name. */
  @FunctionalInterface
  private interface Record {
    String write(Rows rows, String id) throws SQLException;
  }

  /** Writes {@code count} records {@code <prefix>-<n>} in one transaction, in batches of 500. */
  private List<String> write(String prefix, int count, Record record) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      try (Rows rows = new Rows(connection)) {
        for (int n = 0; n < count; n++) {
          ids.add(record.write(rows, prefix + "-" + n));
          if (n % 500 == 499) {
            rows.flush();
          }
        }
        rows.flush();
      }
      connection.commit();
    }
    return ids;
  }

  private static final String CUSTOMER = "INSERT INTO claimdesk.customer (id, name, email, language, created_at)"
      + " VALUES (?, 'Bench Customer', ?, 'en', now())";
  private static final String ORDER = "INSERT INTO claimdesk.shop_order (id, customer_id, product_type, description,"
      + " amount, currency, ordered_at, service_date, service_status, created_at)"
      + " VALUES (?, ?, ?, 'Benchmark order', ?, 'EUR', ?, ?, ?, now())";
  private static final String PAYMENT = "INSERT INTO claimdesk.payment (id, order_id, processor_reference, amount,"
      + " currency, captured_at, status, created_at) VALUES (?, ?, ?, ?, 'EUR', ?, 'CAPTURED', now())";
  private static final String SUBSCRIPTION = "INSERT INTO claimdesk.subscription (id, customer_id, order_id, plan,"
      + " amount, currency, cycle_start, cycle_end, last_payment_id, status, created_at)"
      + " VALUES (?, ?, ?, 'Pro monthly', 1999, 'EUR', ?, ?, ?, 'ACTIVE', now())";

  /** The batched inserts of the merchant's tables. */
  private static final class Rows implements AutoCloseable {

    private final PreparedStatement customer;
    private final PreparedStatement order;
    private final PreparedStatement payment;
    private final PreparedStatement subscription;

    Rows(Connection connection) throws SQLException {
      customer = connection.prepareStatement(CUSTOMER);
      order = connection.prepareStatement(ORDER);
      payment = connection.prepareStatement(PAYMENT);
      subscription = connection.prepareStatement(SUBSCRIPTION);
    }

    void customer(String orderId) throws SQLException {
      customer.setString(1, "cus-" + orderId);
      customer.setString(2, email(orderId));
      customer.addBatch();
    }

    void order(String id, String type, long amount, Instant orderedAt, LocalDate serviceDate) throws SQLException {
      order.setString(1, id);
      order.setString(2, "cus-" + id);
      order.setString(3, type);
      order.setLong(4, amount);
      order.setTimestamp(5, Timestamp.from(orderedAt));
      order.setObject(6, serviceDate);
      order.setString(7, "SUBSCRIPTION".equals(type) ? "INITIATED" : "RENDERED");
      order.addBatch();
    }

    void payment(String id, String orderId, long amount, Instant capturedAt) throws SQLException {
      payment.setString(1, id);
      payment.setString(2, orderId);
      payment.setString(3, "ch_" + id);
      payment.setLong(4, amount);
      payment.setTimestamp(5, Timestamp.from(capturedAt));
      payment.addBatch();
    }

    void subscription(String id, String orderId, Instant cycleStart, Instant cycleEnd, String lastPaymentId)
        throws SQLException {
      subscription.setString(1, id);
      subscription.setString(2, "cus-" + orderId);
      subscription.setString(3, orderId);
      subscription.setTimestamp(4, Timestamp.from(cycleStart));
      subscription.setTimestamp(5, Timestamp.from(cycleEnd));
      subscription.setString(6, lastPaymentId);
      subscription.addBatch();
    }

    /** Sends the batches in the order the foreign keys need. */
    void flush() throws SQLException {
      customer.executeBatch();
      order.executeBatch();
      payment.executeBatch();
      subscription.executeBatch();
    }

    @Override
    public void close() throws SQLException {
      try (customer; order; payment; subscription) {
        // closed in reverse order
      }
    }
  }
}
