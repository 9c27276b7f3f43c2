package org.claimdesk.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimdesk.testsupport.FakeStripe;
import org.claimdesk.testsupport.NodeProcess;
import org.claimdesk.testsupport.PostgresTestDatabase;

/**
 * Production nodes (each a JVM of its own, {@link NodeProcess}) paying through the Stripe adapter
 * against a {@link FakeStripe}, on a database of their own, for the crash and two-node tests:
 * how they are started, how a duplicate-charge case is filed over HTTP (a case the
 * {@code payment-discrepancy} process refunds without a person), and reading the database.
 */
final class PayoutNodes {

  static final String ADMIN_PASSWORD = "nodes-" + UUID.randomUUID();
  static final String WEBHOOK_SECRET = "whsec_nodes_" + UUID.randomUUID().toString().replace("-", "");
  static final long AMOUNT = 2500;

  private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private PayoutNodes() {
  }

  /**
   * A production node on {@code url} paying through {@code stripe}: job executor on, the engine
   * host name set (so the job log tells nodes apart), a job lock of {@code lockTime}, the
   * follow-up and feedback window of a discrepancy case one second each (so a case runs to its end).
   */
  static NodeProcess start(String name, String url, FakeStripe stripe, Duration lockTime) throws IOException {
    return NodeProcess.start(name, List.of(
        "--spring.profiles.active=postgres",
        "--server.port=0",
        "--CLAIMDESK_DB_URL=" + url,
        "--CLAIMDESK_DB_USER=" + PostgresTestDatabase.USER,
        "--CLAIMDESK_DB_PASSWORD=" + PostgresTestDatabase.PASSWORD,
        "--CLAIMDESK_ADMIN_USER=root",
        "--CLAIMDESK_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
        "--CLAIMDESK_CASE_TOKEN_SECRET=nodes-case-token-secret-" + ADMIN_PASSWORD,
        "--CLAIMDESK_PAYMENT_PROCESSOR=stripe",
        "--CLAIMDESK_STRIPE_API_BASE=" + stripe.baseUrl(),
        "--CLAIMDESK_STRIPE_API_KEY=" + FakeStripe.API_KEY,
        "--CLAIMDESK_STRIPE_WEBHOOK_SECRET=" + WEBHOOK_SECRET,
        // One test client files every case: the per-client limit on filing would turn it away.
        "--claimdesk.web.filing-limit.enabled=false",
        "--claimdesk.discrepancy.follow-up-after=PT1S",
        "--claimdesk.service-levels.feedback-window=PT1S",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + lockTime.toMillis(),
        "--camunda.bpm.job-execution.max-wait=2000",
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--logging.level.org.camunda.bpm.engine.jobexecutor=info"));
  }

  /** A new id for the records of one case; its duplicate payment's charge is {@code pi_2_<id>}. */
  static String newId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /**
   * Files a duplicate-charge report on a new order paid twice (both charges registered at the
   * processor): answers the case reference.
   */
  static String fileDuplicateCharge(int port, FakeStripe stripe, String id) throws Exception {
    Instant paidAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
    post(port, "/api/orders", """
        {"id": "ord-%1$s", "customer": {"id": "cus-%1$s", "name": "Node Test", "email": "n-%1$s@example.com",
         "language": "en"}, "productType": "SERVICE", "description": "Onboarding call", "amount": %2$d,
         "currency": "EUR", "orderedAt": "%3$s", "serviceDate": "2025-05-10", "serviceStatus": "RENDERED"}"""
        .formatted(id, AMOUNT, paidAt.minusSeconds(60)), true);
    for (int n = 1; n <= 2; n++) {
      stripe.charge("pi_" + n + "_" + id, AMOUNT, "EUR");
      post(port, "/api/payments", """
          {"id": "pay-%1$s-%2$d", "orderId": "ord-%1$s", "processorReference": "pi_%2$d_%1$s", "amount": %3$d,
           "currency": "EUR", "capturedAt": "%4$s", "status": "CAPTURED"}"""
          .formatted(id, n, AMOUNT, paidAt.plusSeconds(60L * n)), true);
    }
    String answer = post(port, "/api/discrepancy-reports", """
        {"paymentId": "pay-%1$s-2", "email": "n-%1$s@example.com", "kind": "DUPLICATE_CHARGE",
         "description": "I was charged twice.", "channel": "WEB", "language": "en"}""".formatted(id), false);
    Matcher matcher = REFERENCE.matcher(answer);
    if (!matcher.find()) {
      throw new IllegalStateException("No case reference in " + answer);
    }
    return matcher.group(1);
  }

  /** Posts a processor event to the node's webhook endpoint, with that signature header (or none). */
  static HttpResponse<String> webhook(int port, String payload, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/processor/stripe/events"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String post(int port, String path, String json, boolean asAdmin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (asAdmin) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString(("root:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
  }

  static long count(String url, String sql, Object... parameters) throws SQLException {
    try (Connection connection = connect(url)) {
      return count(connection, sql, parameters);
    }
  }

  static long count(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  static List<String> strings(String url, String sql, Object... parameters) throws SQLException {
    try (Connection connection = connect(url); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          values.add(result.getString(1));
        }
      }
      return values;
    }
  }

  /** Whether the case's process instance has ended. */
  static boolean ended(String url, String reference) throws SQLException {
    return count(url, "select count(*) from act_hi_procinst where business_key_ = ? and end_time_ is not null",
        reference) == 1;
  }
}
