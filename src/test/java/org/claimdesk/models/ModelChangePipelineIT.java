package org.claimdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue #23, the whole pipeline on PostgreSQL: an analyst (alex) narrows the RF-2 window of the
 * refund-eligibility table from 7 to 5 days. Without updated test cases the change is refused and
 * deploys nothing; with them, the what-if replay of the past decisions reports exactly the case it
 * flips; Modeler's deploy button (the REST API) refuses the same files because they change past
 * outcomes; a manager (mia) approves in Tasklist, the approved files deploy as alex, and a claim
 * filed afterwards is decided by the new row.
 */
@PostgresIntegrationTest
class ModelChangePipelineIT {

  static final String TABLE = "refund-eligibility.dmn";
  static final String TESTS = "refund-eligibility.dmn-tests.json";

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repository;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  RuntimeService runtime;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ObjectMapper json;

  ClaimdeskApi api;
  String deployedBefore;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    api = new ClaimdeskApi(port);
    deployedBefore = latestTable().getId();
  }

  @AfterEach
  void removeNewVersions() {
    repository.createDeploymentQuery().deploymentSource(ModelChanges.SOURCE).list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
    deployments.forEach(id -> repository.deleteDeployment(id, true));
    ClockUtil.reset();
  }

  @Test
  @DisplayName("edit a row: refused without its tests, what-if shows the one flipped case, Modeler refused, manager approves, it deploys")
  void theWholePipeline() throws Exception {
    Instant since = ClockUtil.now().toInstant().minusSeconds(1);
    Instant now = ClockUtil.now().toInstant();
    // Three past claims: non-delivery on day 6 (flips to refused) and day 2 (stays), a billing error (RF-1).
    String flipped = file(api.order("SERVICE", "BOOKED", now.minus(Duration.ofDays(6)), null, 4000), "NOT_DELIVERED");
    String stays = file(api.order("SERVICE", "BOOKED", now.minus(Duration.ofDays(2)), null, 4000), "NOT_DELIVERED");
    file(api.order("SERVICE", "BOOKED", now.minus(Duration.ofDays(1)), null, 4000), "BILLING_ERROR");
    assertThat(List.of(flipped, stays)).doesNotContainNull();

    String editedTable = Files.readString(Path.of("processes", TABLE))
        .replace("<text>&gt; 7</text></inputEntry>\n        <inputEntry id=\"InputEntry_NonDeliveryLate_6\"",
            "<text>&gt; 5</text></inputEntry>\n        <inputEntry id=\"InputEntry_NonDeliveryLate_6\"");
    assertThat(editedTable).as("the edit applies to the RF-2 row").contains("&gt; 5");

    // 1. The table alone: the cases of the deployed version fail on days 6 and 7; nothing changes.
    JsonNode refused = propose(Map.of(TABLE, editedTable), since);
    assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
    assertThat(refused.at("/report/findings").toString()).contains("dmn-test", "RF-2", "verdict expected \\\"REVIEW\\\"");
    assertThat(post("/api/model-changes/" + refused.get("id").asLong() + "/deployment").getStatusCode().value())
        .isEqualTo(409);
    assertThat(latestTable().getId()).isEqualTo(deployedBefore);

    // 2. With the test cases updated: the what-if replays the three claims and flips exactly one.
    String editedTests = updatedTests();
    JsonNode change = propose(Map.of(TABLE, editedTable, TESTS, editedTests), since);
    assertThat(change.get("status").asText()).as(change.toString()).isEqualTo("AWAITING_APPROVAL");
    JsonNode whatIf = change.at("/report/whatIf/0");
    assertThat(whatIf.get("decisionKey").asText()).isEqualTo("refundEligibility");
    assertThat(whatIf.get("replayed").asInt()).isEqualTo(3);
    assertThat(whatIf.get("changed").asInt()).isEqualTo(1);
    assertThat(whatIf.get("unchanged").asInt()).isEqualTo(2);
    JsonNode flip = whatIf.at("/changes/0");
    assertThat(flip.get("oldRule").asText()).isEqualTo("RF-2");
    assertThat(flip.get("newRule").asText()).isEqualTo("RF-2");
    assertThat(flip.at("/examples/0/caseReference").asText()).isEqualTo(flipped);
    assertThat(flip.at("/examples/0/oldOutcome/verdict").asText()).isEqualTo("REVIEW");
    assertThat(flip.at("/examples/0/newOutcome/verdict").asText()).isEqualTo("REFUSE");
    assertThat(change.at("/report/rows/0/changed/0/id").asText()).isEqualTo("Rule_NonDeliveryLate");
    long id = change.get("id").asLong();

    // 3. The analyst cannot deploy it alone, on the API or with Modeler's deploy button.
    assertThat(post("/api/model-changes/" + id + "/deployment").getStatusCode().value()).isEqualTo(409);
    ResponseEntity<String> modeler = modelerDeploy(Map.of(TABLE, editedTable, TESTS, editedTests));
    assertThat(modeler.getStatusCode().value()).as(modeler.getBody()).isEqualTo(400);
    // Modeler's deploy replays the last 1,000 decisions (other tests' claims among them): the flip is there.
    assertThat(modeler.getBody()).contains("approval-required", "past decisions change (RF-2 → RF-2: ");
    // The same files by the same analyst: Modeler's deploy points at the change already waiting, files no second.
    assertThat(modeler.getBody()).contains(TABLE + ": refundEligibility: ", "filed as model change " + id + ",");
    assertThat(jdbc.sql("select count(*) from claimdesk.model_change where status = 'AWAITING_APPROVAL'"
        + " and files_sha256 = (select files_sha256 from claimdesk.model_change where id = ?)").param(id)
        .query(Long.class).single()).isOne();
    assertThat(latestTable().getId()).isEqualTo(deployedBefore);

    // 4. A manager approves in Tasklist; the approved files deploy, as their author.
    Task approval = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .processDefinitionKey(ModelChanges.APPROVAL_PROCESS).singleResult();
    assertThat(tasks.createTaskQuery().taskId(approval.getId()).taskCandidateGroup("managers").count()).isOne();
    ResponseEntity<String> rejectedWithoutNote = api.completeTask(approval.getId(), "mia",
        Map.of("changeDecision", "REJECT"));
    assertThat(rejectedWithoutNote.getStatusCode().value()).isEqualTo(400);
    ResponseEntity<String> forged = api.completeTask(approval.getId(), "mia",
        Map.of("changeDecision", "APPROVE", "proposedBy", "someone-else"));
    assertThat(forged.getStatusCode().value()).as("a read-only field comes back unchanged").isEqualTo(400);
    ResponseEntity<String> approved = api.completeTask(approval.getId(), "mia",
        Map.of("changeDecision", "APPROVE", "decisionNote", "RF-2 narrowed as agreed with the merchant"));
    assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(204);
    EngineJobs.executeAsyncJobs(management, approval.getProcessInstanceId());
    EngineJobs.executeAsyncJobs(management, approval.getProcessInstanceId());

    JsonNode deployed = get("/api/model-changes/" + id);
    assertThat(deployed.get("status").asText()).isEqualTo("DEPLOYED");
    assertThat(deployed.get("decidedBy").asText()).isEqualTo("mia");
    assertThat(deployed.get("deployedBy").asText()).isEqualTo("alex");
    DecisionDefinition latest = latestTable();
    assertThat(latest.getId()).isNotEqualTo(deployedBefore);
    assertThat(latest.getDeploymentId()).isEqualTo(deployed.get("deploymentId").asText());
    assertThat(jdbc.sql("select deployed_by from claimdesk.deployment_audit where deployment_id = ?")
        .param(latest.getDeploymentId()).query(String.class).single()).isEqualTo("alex");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(approval.getProcessInstanceId())
        .finished().count()).isOne();

    // 5. A new claim on day 6 is refused by the new row (RF-2), and the history lists the change.
    String after = file(api.order("SERVICE", "BOOKED", ClockUtil.now().toInstant().minus(Duration.ofDays(6)), null,
        4000), "NOT_DELIVERED");
    assertThat(jdbc.sql("select rule_id from claimdesk.claim_case where reference = ?").param(after)
        .query(String.class).single()).isEqualTo("RF-2");
    assertThat(jdbc.sql("select status from claimdesk.claim_case where reference = ?").param(after)
        .query(String.class).single()).isEqualTo("REJECTED");
    assertThat(getList("/api/model-changes").toString()).contains("\"id\":" + id);
  }

  @Test
  @DisplayName("Modeler's deploy of a change of past outcomes deploys nothing and files the change for a manager's approval")
  void modelerDeployWaitsForApproval() throws Exception {
    String flipped = file(api.order("SERVICE", "BOOKED", ClockUtil.now().toInstant().minus(Duration.ofDays(6)), null,
        4000), "NOT_DELIVERED");
    String editedTable = Files.readString(Path.of("processes", TABLE))
        .replace("<text>&gt; 7</text></inputEntry>\n        <inputEntry id=\"InputEntry_NonDeliveryLate_6\"",
            "<text>&gt; 5</text></inputEntry>\n        <inputEntry id=\"InputEntry_NonDeliveryLate_6\"");

    ResponseEntity<String> modeler = modelerDeploy(Map.of(TABLE, editedTable, TESTS, updatedTests()));

    assertThat(modeler.getStatusCode().value()).as(modeler.getBody()).isEqualTo(400);
    assertThat(latestTable().getId()).isEqualTo(deployedBefore);
    java.util.regex.Matcher filed = java.util.regex.Pattern.compile("filed as model change (\\d+),")
        .matcher(modeler.getBody());
    assertThat(filed.find()).as(modeler.getBody()).isTrue();
    JsonNode change = get("/api/model-changes/" + filed.group(1));
    assertThat(change.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(change.get("proposedBy").asText()).isEqualTo("alex");
    assertThat(change.at("/report/whatIf/0/changed").asInt()).as("the day-6 claim %s among them", flipped)
        .isPositive();
    Task approval = tasks.createTaskQuery().processInstanceBusinessKey(filed.group(1))
        .processDefinitionKey(ModelChanges.APPROVAL_PROCESS).taskCandidateGroup("managers").singleResult();
    assertThat(approval).isNotNull();
    runtime.deleteProcessInstance(approval.getProcessInstanceId(), "test over");
  }

  @Test
  @DisplayName("an input that reads another expression cannot be replayed on past values: a manager approves it")
  void rereadInputNeedsApproval() throws Exception {
    file(api.order("SERVICE", "BOOKED", ClockUtil.now().toInstant().minus(Duration.ofDays(2)), null, 4000),
        "NOT_DELIVERED");
    // Same meaning here, but the gate cannot know that: the past values answered "reason", not this.
    String editedTable = Files.readString(Path.of("processes", TABLE)).replace("<text>reason</text>",
        "<text>(reason)</text>");
    assertThat(editedTable).contains("(reason)");

    JsonNode change = propose(Map.of(TABLE, editedTable), ClockUtil.now().toInstant().minusSeconds(60));

    assertThat(change.get("status").asText()).as(change.toString()).isEqualTo("AWAITING_APPROVAL");
    JsonNode whatIf = change.at("/report/whatIf/0");
    assertThat(whatIf.get("changed").asInt()).isZero();
    assertThat(whatIf.get("replayed").asInt()).isPositive();
    assertThat(whatIf.get("notReplayable").asInt()).isEqualTo(whatIf.get("replayed").asInt());
    assertThat(whatIf.get("notReplayableReasons").toString()).contains("\\\"Reason\\\" reads a different expression");
    Task approval = tasks.createTaskQuery().processInstanceBusinessKey(change.get("id").asText())
        .processDefinitionKey(ModelChanges.APPROVAL_PROCESS).singleResult();
    assertThat(approval).isNotNull();
    runtime.deleteProcessInstance(approval.getProcessInstanceId(), "test over");
  }

  @Test
  @DisplayName("bad input names the field and keeps nothing; a support agent may not propose")
  void badInputIsRefused() {
    long before = jdbc.sql("select count(*) from claimdesk.model_change").query(Long.class).single();
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("files", part("../evil.dmn", "<x/>"));
    ResponseEntity<JsonNode> badName = api.http().post().uri("/api/model-changes").headers(h -> h.setBasicAuth("alex", "demo"))
        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(JsonNode.class);
    assertThat(badName.getStatusCode().value()).isEqualTo(400);
    assertThat(badName.getHeaders().getContentType().toString()).contains("application/problem+json");
    assertThat(badName.getBody().at("/errors/0/field").asText()).isEqualTo("files");

    MultiValueMap<String, Object> good = new LinkedMultiValueMap<>();
    good.add("files", part(TABLE, "<x/>"));
    good.add("last", "0");
    ResponseEntity<JsonNode> badLast = api.http().post().uri("/api/model-changes").headers(h -> h.setBasicAuth("alex", "demo"))
        .contentType(MediaType.MULTIPART_FORM_DATA).body(good).retrieve().toEntity(JsonNode.class);
    assertThat(badLast.getStatusCode().value()).isEqualTo(400);
    assertThat(badLast.getBody().at("/errors/0/field").asText()).isEqualTo("last");

    ResponseEntity<JsonNode> agent = api.http().post().uri("/api/model-changes").headers(h -> h.setBasicAuth("anna", "demo"))
        .contentType(MediaType.MULTIPART_FORM_DATA).body(good).retrieve().toEntity(JsonNode.class);
    assertThat(agent.getStatusCode().value()).isEqualTo(403);
    assertThat(jdbc.sql("select count(*) from claimdesk.model_change").query(Long.class).single()).isEqualTo(before);
  }

  // ------------------------------------------------------------------ helpers

  private String file(String orderId, String reason) {
    ResponseEntity<JsonNode> claim = api.claim(orderId, reason, null);
    assertThat(claim.getStatusCode().value()).as(String.valueOf(claim.getBody())).isEqualTo(201);
    return claim.getBody().get("reference").asText();
  }

  /** The shipped cases, with the non-delivery cases of days 6 and 7 now refused under RF-2. */
  private String updatedTests() throws Exception {
    JsonNode tests = json.readTree(Files.readString(Path.of("processes", TESTS)));
    for (JsonNode testCase : tests.get("cases")) {
      JsonNode inputs = testCase.get("inputs");
      int days = inputs.path("daysSinceOrder").asInt(-1);
      if ("NOT_DELIVERED".equals(inputs.path("reason").asText()) && (days == 6 || days == 7)
          && "standard".equals(inputs.path("policyProfile").asText())
          && !"WALLET_RECHARGE".equals(inputs.path("productType").asText())) {
        ((ObjectNode) testCase.get("expected")).put("verdict", "REFUSE");
      }
    }
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(tests);
  }

  private JsonNode propose(Map<String, String> files, Instant since) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    files.forEach((name, content) -> parts.add("files", part(name, content)));
    parts.add("from", since.toString());
    ResponseEntity<JsonNode> response = api.http().post().uri("/api/model-changes")
        .headers(h -> h.setBasicAuth("alex", "demo")).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
        .retrieve().toEntity(JsonNode.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    return response.getBody();
  }

  private ResponseEntity<JsonNode> post(String path) {
    return api.http().post().uri(path).headers(h -> h.setBasicAuth("alex", "demo")).retrieve().toEntity(JsonNode.class);
  }

  private JsonNode get(String path) {
    return api.http().get().uri(path).headers(h -> h.setBasicAuth("alex", "demo")).retrieve().body(JsonNode.class);
  }

  private JsonNode getList(String path) {
    return api.http().get().uri(path).headers(h -> h.setBasicAuth("mia", "demo")).retrieve().body(JsonNode.class);
  }

  /** As Camunda Modeler deploys: multipart to /engine-rest/deployment/create, as an analyst. */
  private ResponseEntity<String> modelerDeploy(Map<String, String> files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "modeler-" + TABLE);
    parts.add("deployment-source", "Camunda Modeler");
    files.forEach((name, content) -> parts.add(name, part(name, content)));
    ResponseEntity<String> response = api.http().post().uri("/engine-rest/deployment/create")
        .headers(h -> h.setBasicAuth("alex", "demo")).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
        .retrieve().toEntity(String.class);
    if (response.getStatusCode().is2xxSuccessful()) {
      try {
        deployments.add(json.readTree(response.getBody()).get("id").asText());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return response;
  }

  private static ByteArrayResource part(String name, String content) {
    return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  private DecisionDefinition latestTable() {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey("refundEligibility").latestVersion()
        .singleResult();
  }
}
