package org.claimdesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The running application's HTTP API as the process integration tests use it: the shop feeds an
 * order, the customer files a claim and reads the case, staff complete tasks through
 * {@code /engine-rest} as Tasklist does. Every answer is returned, errors included.
 */
public final class ClaimdeskApi {

  private final RestClient http;

  public ClaimdeskApi(int port) {
    http = RestClient.builder().baseUrl("http://localhost:" + port)
        .requestFactory(new JdkClientHttpRequestFactory())
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
        .build();
  }

  public RestClient http() {
    return http;
  }

  /** An order with one captured payment, fed by the demo shop account; returns the order id. */
  public String order(String type, String status, Instant orderedAt, LocalDate serviceDate, long amount) {
    String id = "it-ord-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("id", id);
    order.put("customer", Map.of("id", "it-cus-" + id.substring(7), "name", "Camille Test",
        "email", emailOf(id), "language", "fr"));
    order.put("productType", type);
    order.put("description", "Integration test order");
    order.put("amount", amount);
    order.put("currency", "EUR");
    order.put("orderedAt", orderedAt.truncatedTo(ChronoUnit.SECONDS).toString());
    if (serviceDate != null) {
      order.put("serviceDate", serviceDate.toString());
    }
    order.put("serviceStatus", status);
    assertThat(post("/api/orders", order, "shop").getStatusCode().value()).isEqualTo(201);
    Map<String, Object> payment = Map.of("id", "it-pay-" + id.substring(7), "orderId", id,
        "processorReference", "ch_" + id.substring(7), "amount", amount, "currency", "EUR",
        "capturedAt", orderedAt.plusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString(), "status", "CAPTURED");
    assertThat(post("/api/payments", payment, "shop").getStatusCode().value()).isEqualTo(201);
    return id;
  }

  /**
   * A monthly subscription on an order of its own, its last payment captured at {@code paidAt},
   * its paid cycle ending at {@code cycleEnd}; returns the subscription id. The customer's email is
   * {@link #emailOf(String)} of the order.
   */
  public String subscription(Instant paidAt, Instant cycleEnd, long amount) {
    String orderId = order("SUBSCRIPTION", "INITIATED", paidAt.minusSeconds(60), null, amount);
    String id = "it-sub-" + orderId.substring(7);
    Map<String, Object> subscription = new LinkedHashMap<>();
    subscription.put("id", id);
    subscription.put("customerId", "it-cus-" + orderId.substring(7));
    subscription.put("orderId", orderId);
    subscription.put("plan", "Pro monthly");
    subscription.put("amount", amount);
    subscription.put("currency", "EUR");
    subscription.put("cycleStart", paidAt.truncatedTo(ChronoUnit.SECONDS).toString());
    subscription.put("cycleEnd", cycleEnd.truncatedTo(ChronoUnit.SECONDS).toString());
    subscription.put("lastPaymentId", "it-pay-" + orderId.substring(7));
    subscription.put("status", "ACTIVE");
    assertThat(post("/api/subscriptions", subscription, "shop").getStatusCode().value()).isEqualTo(201);
    return id;
  }

  /** The order id a subscription of {@link #subscription} was bought with. */
  public static String orderOf(String subscriptionId) {
    return "it-ord-" + subscriptionId.substring(7);
  }

  public static String emailOf(String orderId) {
    return "camille+" + orderId + "@example.com";
  }

  public ResponseEntity<JsonNode> claim(String orderId, String reason, String idempotencyKey) {
    return http.post().uri("/api/refund-requests")
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> {
          if (idempotencyKey != null) {
            h.set("Idempotency-Key", idempotencyKey);
          }
        })
        .body(Map.of("orderId", orderId, "email", emailOf(orderId), "reason", reason,
            "description", "Nothing arrived and nobody answered.", "language", "fr"))
        .retrieve().toEntity(JsonNode.class);
  }

  public JsonNode caseOf(String reference, String token) {
    ResponseEntity<JsonNode> page = http.get().uri("/api/cases/" + reference).header("X-Case-Token", token)
        .retrieve().toEntity(JsonNode.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    return page.getBody();
  }

  /** Completes a task as {@code user} through the engine REST API, with string/number/boolean variables. */
  public ResponseEntity<String> completeTask(String taskId, String user, Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, value instanceof Double
        ? Map.of("value", value, "type", "Double") : Map.of("value", value)));
    return http.post().uri("/engine-rest/task/" + taskId + "/complete")
        .headers(h -> h.setBasicAuth(user, "demo")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", typed)).retrieve().toEntity(String.class);
  }

  public ResponseEntity<JsonNode> post(String path, Object body, String user) {
    return http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBasicAuth(user, "demo")).body(body).retrieve().toEntity(JsonNode.class);
  }
}
