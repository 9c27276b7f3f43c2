package org.claimdesk.discrepancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The payment discrepancy through the customer, merchant and staff APIs against the running
 * application on PostgreSQL, as the "done when" lists it: a duplicate charge ends with
 * one refund, a resolution PDF on the case and a follow-up after the configured delay; and the
 * API's refusals, which change nothing.
 */
@PostgresIntegrationTest
class PaymentDiscrepancyIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  DiscrepancyProperties properties;

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("PD-4, PD-6: a duplicate charge report ends with one refund, a resolution PDF on the case, and the follow-up")
  void duplicateChargeIsRefundedOnceDocumentedAndFollowedUp() throws IOException {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String order = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(3)), null, 4900);
    String suffix = order.substring(7);
    String first = "it-pay-" + suffix;
    String duplicate = "it-dup-" + suffix;
    assertThat(api.post("/api/payments", Map.of("id", duplicate, "orderId", order, "processorReference",
        "ch_dup_" + suffix, "amount", 4900, "currency", "EUR", "capturedAt",
        Instant.now().minus(Duration.ofDays(3)).plusSeconds(240).truncatedTo(ChronoUnit.SECONDS).toString(),
        "status", "CAPTURED"), "shop").getStatusCode().value()).isEqualTo(201);
    String key = UUID.randomUUID().toString();

    ResponseEntity<JsonNode> filed = report(api, first, order, "DUPLICATE_CHARGE", null, key);
    ResponseEntity<JsonNode> retried = report(api, first, order, "DUPLICATE_CHARGE", null, key);

    assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
    assertThat(filed.getBody().path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(retried.getBody().path("reference").asText()).isEqualTo(filed.getBody().path("reference").asText());
    String reference = filed.getBody().path("reference").asText();
    String token = filed.getBody().path("accessToken").asText();
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    EngineJobs.executeAsyncJobs(managementService, instance);

    assertThat(count("select count(*) from claimdesk.sandbox_refund where charge_reference in (?, ?)",
        "ch_" + suffix, "ch_dup_" + suffix)).isEqualTo(1);
    assertThat(count("select count(*) from claimdesk.sandbox_refund where charge_reference = ? and amount = 4900",
        "ch_dup_" + suffix)).as("the later payment is the duplicate").isEqualTo(1);
    assertThat(count("select count(*) from claimdesk.payout where idempotency_key = ?", reference + ":refund-1"))
        .isEqualTo(1);
    assertThat(count("select count(*) from claimdesk.discrepancy_finding where case_reference = ?"
        + " and code = 'DUPLICATE_CHARGE' and related_payment_id = ?", reference, duplicate)).isEqualTo(1);
    JsonNode page = api.caseOf(reference, token);
    assertThat(page.path("status").asText()).isEqualTo("RESOLVED");
    assertThat(page.path("outcome").asText()).isEqualTo("REFUNDED");
    assertThat(page.path("ruleId").asText()).isEqualTo("PD-4");
    assertThat(kinds(page)).containsSubsequence("DISCREPANCY_RECEIVED", "DISCREPANCY_RESOLVED");

    JsonNode document = page.path("documents").get(0);
    assertThat(document.path("kind").asText()).isEqualTo("RESOLUTION");
    ResponseEntity<byte[]> pdf = api.http().get().uri(document.path("href").asText()).header("X-Case-Token", token)
        .retrieve().toEntity(byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    try (PDDocument read = Loader.loadPDF(pdf.getBody())) {
      String text = new PDFTextStripper().getText(read);
      assertThat(text).contains(reference).contains("Enquête").contains(duplicate).contains("PD-4");
    }
    assertThat(count("select count(*) from claimdesk.notification_outbox where case_reference = ?"
        + " and message_kind = 'DISCREPANCY_RESOLVED' and attachment_document_id = ?", reference,
        Long.parseLong(document.path("id").asText()))).isEqualTo(1);

    // PD-6: after the configured delay, the follow-up; the customer's answer closes the case.
    assertThat(kinds(page)).doesNotContain("DISCREPANCY_FOLLOW_UP");
    EngineJobs.fireTimersDueBy(managementService, Instant.now().plus(properties.followUpAfter()).plusSeconds(60));
    assertThat(kinds(api.caseOf(reference, token))).contains("DISCREPANCY_FOLLOW_UP");
    ResponseEntity<String> feedback = api.http().post().uri("/api/cases/" + reference + "/feedback")
        .header("X-Case-Token", token).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("satisfied", true, "comment", "Merci !")).retrieve().toEntity(String.class);
    assertThat(feedback.getStatusCode().value()).isEqualTo(204);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(count("select count(*) from claimdesk.sandbox_refund where charge_reference in (?, ?)",
        "ch_" + suffix, "ch_dup_" + suffix)).isEqualTo(1);
  }

  @Test
  @DisplayName("PD-2: a report 61 days after the capture is answered at once with PD-2; on day 59 it is investigated")
  void PD2_reportWindowFromTheCaptureDate() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String late = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(61)), null, 2000);
    String inTime = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(59)), null, 2000);

    ResponseEntity<JsonNode> refused = report(api, "it-pay-" + late.substring(7), late, "NOT_RECOGNIZED", null, null);
    ResponseEntity<JsonNode> accepted = report(api, "it-pay-" + inTime.substring(7), inTime, "NOT_RECOGNIZED", null,
        null);

    assertThat(refused.getStatusCode().value()).isEqualTo(201);
    assertThat(refused.getBody().path("status").asText()).isEqualTo("REJECTED");
    assertThat(refused.getBody().path("ruleId").asText()).isEqualTo("PD-2");
    assertThat(accepted.getBody().path("status").asText()).isEqualTo("IN_REVIEW");
    String reference = accepted.getBody().path("reference").asText();
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    EngineJobs.executeAsyncJobs(managementService, instance);
    Task investigation = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(investigation.getTaskDefinitionKey()).isEqualTo("Task_InvestigateDiscrepancy");

    // PD-3 through the staff API: finance asks the processor, whose answer comes back in.
    ResponseEntity<String> notYet = processorAnswer(api, reference, "fred");
    assertThat(notYet.getStatusCode().value()).isEqualTo(409);
    assertThat(api.completeTask(investigation.getId(), "fred", Map.of("investigationStep", "ASK_PROCESSOR",
        "institution", "PROCESSOR", "requestText", "3-D Secure record, please.")).getStatusCode().value())
        .isEqualTo(204);
    assertThat(processorAnswer(api, reference, "anna").getStatusCode().value()).as("support may not").isEqualTo(403);
    assertThat(processorAnswer(api, reference, "fred").getStatusCode().value()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_InvestigateDiscrepancy");
    assertThat((String) runtimeService.getVariable(instance, "investigationNotes"))
        .contains("Answer from the payment processor: Cardholder authenticated.");
  }

  @Test
  @DisplayName("Bad reports get a problem naming each field, and an unknown payment a 422; nothing is created")
  void badReportsChangeNothing() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String order = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(3)), null, 2000);
    long casesBefore = count("select count(*) from claimdesk.claim_case");

    ResponseEntity<JsonNode> invalid = api.http().post().uri("/api/discrepancy-reports")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("paymentId", "it-pay-" + order.substring(7), "email", ClaimdeskApi.emailOf(order),
            "kind", "AMOUNT_MISMATCH", "description", "Too much.", "channel", "FAX", "language", "de"))
        .retrieve().toEntity(JsonNode.class);
    ResponseEntity<JsonNode> unknown = report(api, "it-pay-nope", order, "OTHER", null, null);

    assertThat(invalid.getStatusCode().value()).isEqualTo(400);
    assertThat(invalid.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(fields(invalid.getBody())).containsExactlyInAnyOrder("expectedAmount", "channel", "language");
    assertThat(unknown.getStatusCode().value()).isEqualTo(422);
    assertThat(fields(unknown.getBody())).containsExactlyInAnyOrder("paymentId", "email");
    assertThat(count("select count(*) from claimdesk.claim_case")).isEqualTo(casesBefore);
  }

  private static ResponseEntity<JsonNode> report(ClaimdeskApi api, String paymentId, String order, String kind,
      Long expectedAmount, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("paymentId", paymentId);
    body.put("email", ClaimdeskApi.emailOf(order));
    body.put("kind", kind);
    if (expectedAmount != null) {
      body.put("expectedAmount", expectedAmount);
    }
    body.put("description", "J'ai été débité deux fois pour la même séance.");
    body.put("channel", "WEB");
    body.put("language", "fr");
    return api.http().post().uri("/api/discrepancy-reports").contentType(MediaType.APPLICATION_JSON)
        .headers(h -> {
          if (idempotencyKey != null) {
            h.set("Idempotency-Key", idempotencyKey);
          }
        })
        .body(body).retrieve().toEntity(JsonNode.class);
  }

  private static ResponseEntity<String> processorAnswer(ClaimdeskApi api, String reference, String user) {
    return api.http().post().uri("/api/staff/cases/" + reference + "/processor-answer")
        .headers(h -> h.setBasicAuth(user, "demo")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("answeredBy", "PROCESSOR", "answer", "Cardholder authenticated.")).retrieve()
        .toEntity(String.class);
  }

  private long count(String sql, Object... parameters) {
    JdbcClient.StatementSpec statement = jdbc.sql(sql);
    for (Object parameter : parameters) {
      statement = statement.param(parameter);
    }
    return statement.query(Long.class).single();
  }

  private static List<String> kinds(JsonNode page) {
    return page.path("timeline").findValuesAsText("kind");
  }

  private static List<String> fields(JsonNode problem) {
    return problem.path("errors").findValuesAsText("field");
  }
}
