package org.claimdesk.refund;

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
 * The running application's HTTP API as refund integration tests use it: the shop feeds an
 * order, the customer files a claim and reads the case, staff complete tasks through
 * {@code /engine-rest} as Tasklist does. Every answer is returned, errors included.
 */
final class RefundTestApi {

  private final RestClient http;

  RefundTestApi(int port) {
    http = RestClient.builder().baseUrl("http://localhost:" + port)
        .requestFactory(new JdkClientHttpRequestFactory())
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
        .build();
  }

  RestClient http() {
    return http;
  }

  /** An order with one captured payment, fed by the demo shop account; returns the order id. */
  String order(String type, String status, Instant orderedAt, LocalDate serviceDate, long amount) {
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

  static String emailOf(String orderId) {
    return "camille+" + orderId + "@example.com";
  }

  ResponseEntity<JsonNode> claim(String orderId, String reason, String idempotencyKey) {
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

  JsonNode caseOf(String reference, String token) {
    ResponseEntity<JsonNode> page = http.get().uri("/api/cases/" + reference).header("X-Case-Token", token)
        .retrieve().toEntity(JsonNode.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    return page.getBody();
  }

  /** Completes a task as {@code user} through the engine REST API, with string/number/boolean variables. */
  ResponseEntity<String> completeTask(String taskId, String user, Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, value instanceof Double
        ? Map.of("value", value, "type", "Double") : Map.of("value", value)));
    return http.post().uri("/engine-rest/task/" + taskId + "/complete")
        .headers(h -> h.setBasicAuth(user, "demo")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", typed)).retrieve().toEntity(String.class);
  }

  ResponseEntity<JsonNode> post(String path, Object body, String user) {
    return http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBasicAuth(user, "demo")).body(body).retrieve().toEntity(JsonNode.class);
  }
}
