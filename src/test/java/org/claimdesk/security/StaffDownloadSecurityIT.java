package org.claimdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.claimdesk.cases.CaseDocument;
import org.claimdesk.cases.CaseDocuments;
import org.claimdesk.cases.EvidenceItem;
import org.claimdesk.cases.CaseEvidenceStore;
import org.claimdesk.cases.JdbcCaseService;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue #20, point 3: a support agent downloaded the evidence of a finance-only payment
 * discrepancy through {@code /api/staff/cases/{ref}/evidence/{n}}. Files are served only to staff
 * whose Camunda rights reach the case's process instance (its tasks, the instance, its history);
 * anyone else gets the same 404 as for a file that does not exist, and a file id is good only
 * under its own case.
 */
@PostgresIntegrationTest
class StaffDownloadSecurityIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcCaseService cases;
  @Autowired
  CaseEvidenceStore evidenceStore;
  @Autowired
  CaseDocuments documents;

  @Test
  @DisplayName("a finance-only discrepancy: anna (support) gets 404 for its evidence and documents; fred, mia, admin get them")
  void onlyStaffWhoMaySeeTheCase() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String reference = discrepancyUnderInvestigation(api);
    byte[] receipt = "bank statement line 2026-11-30".getBytes(StandardCharsets.UTF_8);
    EvidenceItem evidence = evidenceStore.store(reference, "statement.txt", "text/plain", receipt);
    CaseDocument document = documents.store(reference, "resolution", CaseDocuments.RESOLUTION, "resolution.pdf",
        "application/pdf", "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII));
    String evidencePath = "/api/staff/cases/" + reference + "/evidence/" + evidence.id();
    String documentPath = "/api/staff/cases/" + reference + "/documents/" + document.id();

    ResponseEntity<byte[]> annaEvidence = get(api, evidencePath, "anna");
    ResponseEntity<byte[]> annaDocument = get(api, documentPath, "anna");
    ResponseEntity<byte[]> missing = get(api, "/api/staff/cases/" + reference + "/evidence/9" + evidence.id(), "fred");

    assertThat(annaEvidence.getStatusCode().value()).isEqualTo(404);
    assertThat(annaDocument.getStatusCode().value()).isEqualTo(404);
    assertThat(annaEvidence.getHeaders().getContentType().toString())
        .as("the same answer as for a file that does not exist").startsWith("application/problem+json");
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(new String(annaEvidence.getBody(), StandardCharsets.UTF_8))
        .isEqualTo(new String(missing.getBody(), StandardCharsets.UTF_8)
            .replace("id '9" + evidence.id() + "'", "id '" + evidence.id() + "'")
            .replace("/evidence/9" + evidence.id(), "/evidence/" + evidence.id()));
    for (String staff : new String[] {"fred", "mia", "admin"}) {
      ResponseEntity<byte[]> served = get(api, evidencePath, staff);
      assertThat(served.getStatusCode().value()).as(staff).isEqualTo(200);
      assertThat(served.getBody()).isEqualTo(receipt);
      assertThat(get(api, documentPath, staff).getStatusCode().value()).as(staff).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("an evidence or document id of one case, asked under another case fred may see, is 404")
  void idsAreGoodOnlyUnderTheirOwnCase() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String first = discrepancyUnderInvestigation(api);
    String second = discrepancyUnderInvestigation(api);
    EvidenceItem evidence = evidenceStore.store(first, "statement.txt", "text/plain",
        "first case".getBytes(StandardCharsets.UTF_8));
    CaseDocument document = documents.store(first, "resolution", CaseDocuments.RESOLUTION, "resolution.pdf",
        "application/pdf", "%PDF-1.4 first".getBytes(StandardCharsets.US_ASCII));

    assertThat(get(api, "/api/staff/cases/" + first + "/evidence/" + evidence.id(), "fred").getStatusCode().value())
        .isEqualTo(200);
    assertThat(get(api, "/api/staff/cases/" + second + "/evidence/" + evidence.id(), "fred").getStatusCode().value())
        .isEqualTo(404);
    assertThat(get(api, "/api/staff/cases/" + second + "/documents/" + document.id(), "fred").getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("once the investigation is no longer fred's (the task is gone), fred gets 404; managers still read it")
  void rightsFollowTheOpenWork() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String reference = discrepancyUnderInvestigation(api);
    EvidenceItem evidence = evidenceStore.store(reference, "statement.txt", "text/plain",
        "a line".getBytes(StandardCharsets.UTF_8));
    String path = "/api/staff/cases/" + reference + "/evidence/" + evidence.id();
    assertThat(get(api, path, "fred").getStatusCode().value()).isEqualTo(200);

    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    runtimeService.deleteProcessInstance(instance, "test: the case left finance's hands");

    assertThat(get(api, path, "fred").getStatusCode().value()).isEqualTo(404);
    assertThat(get(api, path, "mia").getStatusCode().value()).as("managers read the history").isEqualTo(200);
  }

  private String discrepancyUnderInvestigation(ClaimdeskApi api) {
    String order = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(5)), null, 3900);
    JsonNode filed = api.http().post().uri("/api/discrepancy-reports").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("paymentId", "it-pay-" + order.substring(7), "email", ClaimdeskApi.emailOf(order),
            "kind", "NOT_RECOGNIZED", "description", "I do not know this shop.", "channel", "WEB", "language", "en"))
        .retrieve().toEntity(JsonNode.class).getBody();
    String reference = filed.path("reference").asText();
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    EngineJobs.executeAsyncJobs(managementService, instance);
    assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
        .as("the investigation is offered to finance only").isEqualTo("Task_InvestigateDiscrepancy");
    return reference;
  }

  private static ResponseEntity<byte[]> get(ClaimdeskApi api, String path, String user) {
    return api.http().get().uri(path).headers(h -> h.setBasicAuth(user, "demo"))
        .accept(MediaType.ALL).retrieve().toEntity(byte[].class);
  }
}
