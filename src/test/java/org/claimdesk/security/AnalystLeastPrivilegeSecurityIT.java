package org.claimdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.HistoryService;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue #20, point 7: analysts read every customer's personal data through the variable history
 * (and the running instances, and the decisions' inputs). They edit and deploy models: they now
 * see definitions and deployments, never a case.
 */
@PostgresIntegrationTest
class AnalystLeastPrivilegeSecurityIT {

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  HistoryService historyService;

  @Test
  @DisplayName("alex sees no variable, instance or decision input of a case; managers still do; definitions stay visible")
  void analystsSeeModelsNotCases() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String orderId = api.order("SERVICE", "BOOKED", Instant.now().minus(Duration.ofDays(2)), null, 9000);
    String reference = api.claim(orderId, "NOT_DELIVERED", null).getBody().path("reference").asText();
    String instanceId = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("customerName").count()).as("the case holds the customer's name").isEqualTo(1);

    String[] casePaths = {
        "/engine-rest/history/variable-instance?processInstanceId=" + instanceId,
        "/engine-rest/history/process-instance?processInstanceId=" + instanceId,
        "/engine-rest/process-instance?processInstanceIds=" + instanceId,
        "/engine-rest/history/decision-instance?processInstanceId=" + instanceId + "&includeInputs=true"};
    for (String path : casePaths) {
      ResponseEntity<JsonNode> alex = rest.withBasicAuth("alex", "demo").getForEntity(path, JsonNode.class);
      ResponseEntity<JsonNode> mia = rest.withBasicAuth("mia", "demo").getForEntity(path, JsonNode.class);
      assertThat(alex.getStatusCode().value()).as(path).isEqualTo(200);
      assertThat(alex.getBody()).as(path).isEmpty();
      assertThat(mia.getBody()).as("managers still read " + path).isNotEmpty();
    }
    ResponseEntity<String> variables = rest.withBasicAuth("alex", "demo")
        .getForEntity("/engine-rest/process-instance/" + instanceId + "/variables", String.class);
    assertThat(variables.getStatusCode().value()).isIn(403, 404, 500);
    assertThat(variables.getBody()).doesNotContain("Camille");

    ResponseEntity<JsonNode> definitions = rest.withBasicAuth("alex", "demo")
        .getForEntity("/engine-rest/process-definition?key=refund-request", JsonNode.class);
    assertThat(definitions.getBody()).isNotEmpty();
    ResponseEntity<JsonNode> decisions = rest.withBasicAuth("alex", "demo")
        .getForEntity("/engine-rest/decision-definition?key=refundEligibility", JsonNode.class);
    assertThat(decisions.getBody()).isNotEmpty();
  }
}
