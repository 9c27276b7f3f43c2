package org.claimdesk.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The refund case through the customer API against the running application on PostgreSQL, as
 * the "done when" lists it. Orders are fed through the merchant API first, dated
 * relative to now, so the claim windows are exact.
 */
@PostgresIntegrationTest
class RefundRequestIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcClient jdbc;
  @MockitoSpyBean
  RefundTasks steps;

  ClaimdeskApi api;
  RestClient http;

  @BeforeEach
  void client() {
    api = new ClaimdeskApi(port);
    http = api.http();
  }

  @Test
  @DisplayName("RF-2: a non-delivery claim 10 days after the order is refused at once with ruleId RF-2")
  void RF2_lateNonDeliveryClaimIsRefusedAtOnce() {
    String orderId = order("SERVICE", "BOOKED", Instant.now().minus(Duration.ofDays(10)), null, 9000);

    ResponseEntity<JsonNode> filed = claim(orderId, "NOT_DELIVERED", null);

    assertThat(filed.getStatusCode().value()).isEqualTo(201);
    assertThat(filed.getBody().path("status").asText()).isEqualTo("REJECTED");
    assertThat(filed.getBody().path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(filed.getBody().path("ruleId").asText()).isEqualTo("RF-2");
    JsonNode page = caseOf(filed);
    assertThat(page.path("ruleId").asText()).isEqualTo("RF-2");
    assertThat(kinds(page)).contains("CLAIM_REFUSED");
  }

  @Test
  @DisplayName("RF-2 / SL-1: a claim 3 days after the order waits in review with a support task due 48 h after the claim")
  void RF2_timelyNonDeliveryClaimWaitsForSupport() {
    String orderId = order("SERVICE", "BOOKED", Instant.now().minus(Duration.ofDays(3)), null, 9000);
    Instant filedAt = Instant.now();

    ResponseEntity<JsonNode> filed = claim(orderId, "NOT_DELIVERED", null);

    assertThat(filed.getStatusCode().value()).isEqualTo(201);
    assertThat(filed.getBody().path("status").asText()).isEqualTo("IN_REVIEW");
    String reference = filed.getBody().path("reference").asText();
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_ReviewClaim").singleResult();
    assertThat(review.getDueDate().toInstant()).isCloseTo(filedAt.plus(Duration.ofHours(48)), within(30, ChronoUnit.SECONDS));
    assertThat(Instant.parse(filed.getBody().path("replyDueBy").asText()))
        .isCloseTo(filedAt.plus(Duration.ofHours(48)), within(30, ChronoUnit.SECONDS));
    // Evidence added while the agent reviews shows on the open task's form at once (RF-1).
    String token = filed.getBody().path("accessToken").asText();
    MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
    upload.add("file", new ByteArrayResource(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}) {
      @Override
      public String getFilename() {
        return "missing-page.png";
      }
    });
    ResponseEntity<String> uploaded = http.post().uri("/api/cases/" + reference + "/evidence")
        .header("X-Case-Token", token).contentType(MediaType.MULTIPART_FORM_DATA).body(upload)
        .retrieve().toEntity(String.class);
    assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(204);
    assertThat((String) runtimeService.getVariable(review.getProcessInstanceId(), RefundVariables.EVIDENCE_SUMMARY))
        .startsWith("1 file:").contains("missing-page.png");
    // The support agent sees the task and opens its form, as Tasklist does.
    ResponseEntity<JsonNode> annasTasks = http.get().uri("/engine-rest/task?processInstanceBusinessKey=" + reference)
        .headers(h -> h.setBasicAuth("anna", "demo")).retrieve().toEntity(JsonNode.class);
    assertThat(annasTasks.getBody()).hasSize(1);
    ResponseEntity<String> form = http.get().uri("/engine-rest/task/" + review.getId() + "/deployed-form")
        .headers(h -> h.setBasicAuth("anna", "demo")).retrieve().toEntity(String.class);
    assertThat(form.getStatusCode().value()).isEqualTo(200);
    assertThat(form.getBody()).contains("\"id\": \"review-claim\"");
  }

  @Test
  @DisplayName("RF-8: an accepted partial-refund offer pays exactly once even when the payout job is retried")
  void RF8_acceptedPartialRefundPaysOnceAcrossARetriedJob() {
    String orderId = order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        LocalDate.now(ZoneOffset.UTC).minusDays(3), 9000);
    ResponseEntity<JsonNode> filed = claim(orderId, "SERVICE_ISSUE", null);
    String reference = filed.getBody().path("reference").asText();
    String token = filed.getBody().path("accessToken").asText();
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
    // The agent completes the review in Tasklist (through the same REST API), offering 30.00 EUR back.
    ResponseEntity<String> completed = api.completeTask(review.getId(), "anna", Map.of(
        "reviewDecision", "OFFER", "offerType", "PARTIAL_REFUND", "offerAmount", 30.0,
        "replyMessage", "We are sorry: here is part of your money back."));
    assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
    JsonNode offered = caseOf(reference, token);
    assertThat(offered.path("status").asText()).isEqualTo("OFFER_PENDING");
    assertThat(offered.path("offer").path("amount").asLong()).isEqualTo(3000);

    ResponseEntity<String> accepted = http.post().uri("/api/cases/" + reference + "/offer/accept")
        .header("X-Case-Token", token).retrieve().toEntity(String.class);
    assertThat(accepted.getStatusCode().value()).isEqualTo(204);

    // The first run of the payout job pays, then fails before the engine commits (as a crash would).
    doThrow(new IllegalStateException("crash after the payout")).doCallRealMethod()
        .when(steps).confirm(eq(reference), any(), any(), any());
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    Job payout = managementService.createJobQuery().processInstanceId(instanceId).messages().singleResult();
    assertThatThrownBy(() -> managementService.executeJob(payout.getId()))
        .extracting(NestedExceptionUtils::getMostSpecificCause).asString().contains("crash after the payout");
    assertThat(managementService.createJobQuery().jobId(payout.getId()).singleResult().getRetries())
        .as("the job is retried").isEqualTo(4);
    managementService.executeJob(payout.getId());

    String key = reference + ":" + RefundTasks.REFUND_STEP;
    assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.sandbox_refund WHERE idempotency_key = ?").param(key)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.payout WHERE idempotency_key = ?").param(key)
        .query(Long.class).single()).isEqualTo(1);
    JsonNode resolved = caseOf(reference, token);
    assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
    assertThat(resolved.path("outcome").asText()).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(kinds(resolved)).containsOnlyOnce("REFUND_PAID");
  }

  @Test
  @DisplayName("the same POST with the same Idempotency-Key yields one case")
  void sameIdempotencyKeyYieldsOneCase() {
    String orderId = order("SERVICE", "BOOKED", Instant.now().minus(Duration.ofDays(2)), null, 9000);
    String key = "retry-" + UUID.randomUUID();

    ResponseEntity<JsonNode> first = claim(orderId, "NOT_DELIVERED", key);
    ResponseEntity<JsonNode> second = claim(orderId, "NOT_DELIVERED", key);

    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(second.getStatusCode().value()).isEqualTo(201);
    assertThat(second.getBody()).isEqualTo(first.getBody());
    String reference = first.getBody().path("reference").asText();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.claim_case WHERE subject_id = ?").param(orderId)
        .query(Long.class).single()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ helpers

  private String order(String type, String status, Instant orderedAt, LocalDate serviceDate, long amount) {
    return api.order(type, status, orderedAt, serviceDate, amount);
  }

  private ResponseEntity<JsonNode> claim(String orderId, String reason, String idempotencyKey) {
    return api.claim(orderId, reason, idempotencyKey);
  }

  private JsonNode caseOf(ResponseEntity<JsonNode> filed) {
    return api.caseOf(filed.getBody().path("reference").asText(), filed.getBody().path("accessToken").asText());
  }

  private JsonNode caseOf(String reference, String token) {
    return api.caseOf(reference, token);
  }

  private static List<String> kinds(JsonNode page) {
    List<String> kinds = new java.util.ArrayList<>();
    page.path("timeline").forEach(entry -> kinds.add(entry.path("kind").asText()));
    return kinds;
  }
}
