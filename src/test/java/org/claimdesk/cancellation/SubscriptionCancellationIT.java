package org.claimdesk.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cancellation through the customer API against the running application on PostgreSQL, as
 * the "done when" lists it; the subscriptions are fed through the merchant API first,
 * their last payment dated relative to now.
 */
@PostgresIntegrationTest
class SubscriptionCancellationIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcClient jdbc;

  @Test
  @DisplayName("SC-3: cancelled 3 days after the last payment with a refund asked: the answer says refund, one refund is made")
  void SC3_refundWithinSevenDaysIsPaidOnce() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String subscription = api.subscription(Instant.now().minus(Duration.ofDays(3)),
        Instant.now().plus(Duration.ofDays(27)), 1999);

    ResponseEntity<JsonNode> filed = cancel(api, subscription, "END_OF_CYCLE", true);

    assertThat(filed.getStatusCode().value()).as(filed.getBody().toString()).isEqualTo(201);
    assertThat(filed.getBody().path("outcome").asText()).isEqualTo("REFUNDED");
    assertThat(filed.getBody().path("ruleId").asText()).isEqualTo("SC-3");
    String reference = filed.getBody().path("reference").asText();
    runPayoutJobs(reference);

    JsonNode resolved = api.caseOf(reference, filed.getBody().path("accessToken").asText());
    assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
    assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.sandbox_refund WHERE idempotency_key = ?")
        .param(reference + ":refund").query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT amount FROM claimdesk.sandbox_refund WHERE idempotency_key = ?")
        .param(reference + ":refund").query(Long.class).single()).isEqualTo(1999);
    JsonNode state = shop(api, subscription);
    assertThat(state.path("billingActive").asBoolean()).isFalse();
    assertThat(state.path("refundedAmount").asLong()).isEqualTo(1999);
  }

  @Test
  @DisplayName("SC-3: cancelled 9 days after the last payment: no refund citing SC-3; billing stopped, access to the cycle end")
  void SC3_noRefundAfterSevenDaysBillingStoppedAccessToCycleEnd() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    Instant cycleEnd = Instant.now().plus(Duration.ofDays(21)).truncatedTo(ChronoUnit.SECONDS);
    String subscription = api.subscription(Instant.now().minus(Duration.ofDays(9)), cycleEnd, 1999);

    ResponseEntity<JsonNode> filed = cancel(api, subscription, "END_OF_CYCLE", true);

    assertThat(filed.getStatusCode().value()).isEqualTo(201);
    assertThat(filed.getBody().path("status").asText()).isEqualTo("RESOLVED");
    assertThat(filed.getBody().path("outcome").asText()).isEqualTo("CANCELLED");
    assertThat(filed.getBody().path("ruleId").asText()).isEqualTo("SC-3");
    JsonNode state = shop(api, subscription);
    assertThat(state.path("billingActive").asBoolean()).isFalse();
    assertThat(Instant.parse(state.path("accessEndsAt").asText())).isEqualTo(cycleEnd);
    assertThat(state.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.sandbox_refund WHERE idempotency_key = ?")
        .param(filed.getBody().path("reference").asText() + ":refund").query(Long.class).single()).isZero();
    // A second request for the same subscription answers with the same case.
    ResponseEntity<JsonNode> again = cancel(api, subscription, "IMMEDIATE", false);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().path("reference").asText()).isEqualTo(filed.getBody().path("reference").asText());
  }

  private static ResponseEntity<JsonNode> cancel(ClaimdeskApi api, String subscription, String mode, boolean refund) {
    return api.http().post().uri("/api/cancellation-requests").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("subscriptionId", subscription, "email", ClaimdeskApi.emailOf(ClaimdeskApi.orderOf(subscription)),
            "mode", mode, "refundRequested", refund, "reason", "NO_LONGER_NEEDED", "language", "fr"))
        .retrieve().toEntity(JsonNode.class);
  }

  private static JsonNode shop(ClaimdeskApi api, String subscription) {
    return api.http().get().uri("/api/subscriptions/" + subscription).headers(h -> h.setBasicAuth("shop", "demo"))
        .retrieve().toEntity(JsonNode.class).getBody();
  }

  private void runPayoutJobs(String reference) {
    EngineJobs.executeAsyncJobs(managementService, runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).singleResult().getId());
  }
}
