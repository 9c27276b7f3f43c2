package org.claimdesk.cancellation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.claimdesk.cases.CustomerApiTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;

/**
 * The customer API tests of cancellations: the {@code subscription-cancellation} stand-in
 * ({@code cases/subscription-cancellation-stand-in.bpmn}) deployed for the class and removed after
 * it, beside the refund stand-in of {@link CustomerApiTestBase}; subscriptions of fresh customers.
 */
abstract class CancellationApiTestBase extends CustomerApiTestBase {

  static final String STAND_IN = "cases/subscription-cancellation-stand-in.bpmn";

  private String cancellationStandIn;

  @BeforeAll
  void deployCancellationStandIn() throws IOException {
    cancellationStandIn = repositoryService.createDeployment()
        .name("test-fixture-subscription-cancellation-stand-in")
        .addInputStream("subscription-cancellation-stand-in.bpmn", new ClassPathResource(STAND_IN).getInputStream())
        .deploy()
        .getId();
  }

  @AfterAll
  void removeCancellationStandIn() {
    if (cancellationStandIn != null) {
      repositoryService.deleteDeployment(cancellationStandIn, true, true);
    }
  }

  /**
   * A monthly subscription of a new customer with that email (order, captured payment,
   * subscription, all posted by the shop); returns its id.
   */
  protected String givenSubscription(String email, String language) {
    String orderId = unique("ord");
    String customerId = unique("cus");
    String paymentId = unique("pay");
    String subscriptionId = unique("sub");
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("id", orderId);
    order.put("customer", Map.of("id", customerId, "name", "Sub Tester", "email", email, "language", language));
    order.put("productType", "SUBSCRIPTION");
    order.put("description", "Monthly plan " + orderId);
    order.put("amount", 1990);
    order.put("currency", "EUR");
    order.put("orderedAt", "2026-11-10T10:15:30Z");
    order.put("serviceStatus", "INITIATED");
    posted("/api/orders", order);
    posted("/api/payments", Map.of("id", paymentId, "orderId", orderId, "processorReference", "ch_" + paymentId,
        "amount", 1990, "currency", "EUR", "capturedAt", "2026-11-10T10:16:30Z", "status", "CAPTURED"));
    Map<String, Object> subscription = new LinkedHashMap<>();
    subscription.put("id", subscriptionId);
    subscription.put("customerId", customerId);
    subscription.put("orderId", orderId);
    subscription.put("plan", "Monthly");
    subscription.put("amount", 1990);
    subscription.put("currency", "EUR");
    subscription.put("cycleStart", "2026-11-10T10:16:30Z");
    subscription.put("cycleEnd", "2026-12-10T10:16:30Z");
    subscription.put("lastPaymentId", paymentId);
    subscription.put("status", "ACTIVE");
    posted("/api/subscriptions", subscription);
    return subscriptionId;
  }

  private void posted(String path, Object body) {
    Answer answer = call(HttpMethod.POST, path, body, "user", "shop");
    if (answer.status() != 201) {
      throw new AssertionError(path + " not accepted: " + answer);
    }
  }

  protected static Map<String, Object> cancellation(String subscriptionId, String email, String mode,
      boolean refundRequested) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("subscriptionId", subscriptionId);
    request.put("email", email);
    request.put("mode", mode);
    request.put("refundRequested", refundRequested);
    request.put("reason", "NO_LONGER_NEEDED");
    request.put("language", "fr");
    return request;
  }

  protected Answer fileCancellation(Map<String, Object> request, String idempotencyKey) {
    return call(HttpMethod.POST, "/api/cancellation-requests", request, KEY_HEADER, idempotencyKey);
  }

  protected Answer withdraw(String reference, String token) {
    return call(HttpMethod.POST, "/api/cases/" + reference + "/withdraw", null, TOKEN_HEADER, token);
  }

  protected Answer subscription(String id) {
    return call(HttpMethod.GET, "/api/subscriptions/" + id, null, "user", "shop");
  }
}
