package org.claimdesk.commerce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shared set-up of the merchant API integration tests: a client on the running application,
 * JDBC to count rows, and valid records with ids unique to each test (the database is shared
 * with every other integration test of the run and never assumed empty).
 */
abstract class MerchantApiTestBase {

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  MerchantApiClient api;

  @BeforeEach
  void setUpClient() {
    api = new MerchantApiClient(port);
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
  }

  static Map<String, Object> customer(String id) {
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("id", id);
    customer.put("name", "Test Customer");
    customer.put("email", "customer+" + id + "@example.com");
    customer.put("language", "fr");
    return customer;
  }

  static Map<String, Object> order(String id, String customerId, String productType, long amount) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("id", id);
    order.put("customer", customer(customerId));
    order.put("productType", productType);
    order.put("description", "Test order " + id);
    order.put("amount", amount);
    order.put("currency", "EUR");
    order.put("orderedAt", "2025-05-01T10:15:30Z");
    order.put("serviceDate", "2025-05-03");
    order.put("serviceStatus", "BOOKED");
    return order;
  }

  static Map<String, Object> payment(String id, String orderId, long amount) {
    Map<String, Object> payment = new LinkedHashMap<>();
    payment.put("id", id);
    payment.put("orderId", orderId);
    payment.put("processorReference", "pi_" + id);
    payment.put("amount", amount);
    payment.put("currency", "EUR");
    payment.put("capturedAt", "2025-05-01T10:16:00Z");
    payment.put("status", "CAPTURED");
    return payment;
  }

  static Map<String, Object> walletEntry(String id, String orderId, long amount, String kind) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", id);
    if (orderId != null) {
      entry.put("orderId", orderId);
    }
    entry.put("amount", amount);
    entry.put("currency", "EUR");
    entry.put("kind", kind);
    return entry;
  }

  /** Posts an order as the shop and insists it was accepted. */
  void givenOrder(String id, String customerId, String productType, long amount) {
    MerchantApiClient.Answer answer = api.post(MerchantApiClient.MERCHANT, "/api/orders",
        order(id, customerId, productType, amount));
    if (answer.status() != 201) {
      throw new AssertionError("Order " + id + " not accepted: " + answer.status() + " " + answer.body());
    }
  }

  long rows(String table, String column, String value) {
    return jdbc.sql("select count(*) from claimdesk." + table + " where " + column + " = :value")
        .param("value", value)
        .query(Long.class)
        .single();
  }
}
