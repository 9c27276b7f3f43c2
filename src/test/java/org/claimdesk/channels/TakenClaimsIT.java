package org.claimdesk.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.claimdesk.testsupport.CamundaWebapps;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue #24, phone and chat: a support agent files a customer's claim from Tasklist's start form
 * ({@code submit-form} on a {@code take-*-claim} definition, as Tasklist sends it), on PostgreSQL.
 * The case is opened by the web's intake with its channel, its own process starts and queues the
 * customer's acknowledgement with the private link; a refused field starts nothing and is named;
 * a second claim on the subject is answered with the open case; only support may start them, and a
 * start cannot slip in variables of its own.
 */
@PostgresIntegrationTest
class TakenClaimsIT {

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;

  private static final ObjectMapper JSON = new ObjectMapper();

  ClaimdeskApi api;

  @BeforeEach
  void setUp() {
    api = new ClaimdeskApi(port);
  }

  @Test
  @DisplayName("anna files a phone refund claim: a PHONE case, refund-request started, the acknowledgement queued; again: the same case")
  void phoneRefundClaimOpensTheCaseAndAcknowledgesIt() {
    String order = refundableOrder();
    String email = ClaimdeskApi.emailOf(order);

    ResponseEntity<JsonNode> first = submit("take-refund-claim", "anna", refundForm(order, email, "PHONE"));

    assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(200);
    Map<String, Object> taken = variablesOf(first.getBody().path("id").asText());
    String reference = (String) taken.get("caseReference");
    assertThat(reference).matches("CD-[0-9A-Z]{8}");
    assertThat(taken).containsEntry("filedAs", "NEW_CASE").containsEntry("caseStatus", "IN_REVIEW");
    assertThat(casesOn(order)).containsExactly(reference);
    assertThat(channelOf(reference)).isEqualTo("PHONE");
    ProcessInstance refund = runtimeService.createProcessInstanceQuery().processDefinitionKey("refund-request")
        .processInstanceBusinessKey(reference).singleResult();
    assertThat(refund).isNotNull();
    assertThat(runtimeService.getVariable(refund.getId(), "orderId")).isEqualTo(order);
    assertThat(acknowledgementTo(reference, email)).contains("/cases/" + reference + "?token=TOKEN-ADDED-WHEN-SENT");

    // The customer calls again, now in the chat: the claim is answered with the open case.
    ResponseEntity<JsonNode> again = submit("take-refund-claim", "anna", refundForm(order, email, "CHAT"));

    assertThat(again.getStatusCode().value()).as(String.valueOf(again.getBody())).isEqualTo(200);
    assertThat(variablesOf(again.getBody().path("id").asText()))
        .containsEntry("caseReference", reference).containsEntry("filedAs", "OPEN_CASE");
    assertThat(casesOn(order)).containsExactly(reference);
    assertThat(channelOf(reference)).isEqualTo("PHONE");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("refund-request")
        .processInstanceBusinessKey(reference).count()).isEqualTo(1);
  }

  @Test
  @DisplayName("through Tasklist's own API: anna is offered the start, loads the start form and files a chat claim")
  void throughTasklistsOwnApi() throws Exception {
    String order = refundableOrder();
    CamundaWebapps.Session anna = CamundaWebapps.login(port, "tasklist", "anna", "demo");
    assertThat(anna.loginStatus()).isEqualTo(200);

    // Tasklist's "Start process" list, then the start form it draws.
    HttpResponse<String> offered = anna.getJson("/api/engine/engine/default/process-definition?latestVersion=true"
        + "&active=true&startableInTasklist=true&startablePermissionCheck=true&maxResults=100");
    assertThat(offered.statusCode()).isEqualTo(200);
    String definitionId = null;
    for (JsonNode definition : JSON.readTree(offered.body())) {
      if ("take-refund-claim".equals(definition.path("key").asText())) {
        definitionId = definition.path("id").asText();
        assertThat(definition.path("name").asText()).isEqualTo("Take a refund claim by phone or chat");
      }
    }
    assertThat(definitionId).as(offered.body()).isNotNull();
    HttpResponse<String> form = anna.getJson("/api/engine/engine/default/process-definition/" + definitionId
        + "/deployed-start-form");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(form.body()).path("id").asText()).isEqualTo("take-refund-claim");

    HttpResponse<String> submitted = anna.postJson("/api/engine/engine/default/process-definition/" + definitionId
        + "/submit-form", JSON.writeValueAsString(Map.of("variables",
            typed(refundForm(order, ClaimdeskApi.emailOf(order), "CHAT")))));

    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    String takenId = JSON.readTree(submitted.body()).path("id").asText();
    String reference = (String) variablesOf(takenId).get("caseReference");
    assertThat(casesOn(order)).containsExactly(reference);
    assertThat(channelOf(reference)).isEqualTo("CHAT");
    // Who took the claim stays in the engine's history.
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(takenId).singleResult()
        .getStartUserId()).isEqualTo("anna");
  }

  @Test
  @DisplayName("a wrong email for the order is refused naming the field: no case, no process instance")
  void wrongEmailStartsNothing() {
    String order = refundableOrder();
    long takenBefore = historicInstancesOf("take-refund-claim");
    long refundsBefore = historicInstancesOf("refund-request");

    ResponseEntity<JsonNode> refused = submit("take-refund-claim", "anna",
        refundForm(order, "someone.else@example.com", "PHONE"));

    assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
    assertThat(refused.getBody().path("message").asText())
        .contains("email (no order with this id was placed with this email address)")
        .contains("orderId (");
    assertThat(casesOn(order)).isEmpty();
    assertThat(historicInstancesOf("take-refund-claim")).isEqualTo(takenBefore);
    assertThat(historicInstancesOf("refund-request")).isEqualTo(refundsBefore);
  }

  @Test
  @DisplayName("a field the intake refuses is named too (reason, channel, language), and nothing is filed")
  void badFieldsAreNamed() {
    String order = refundableOrder();
    Map<String, Object> form = refundForm(order, ClaimdeskApi.emailOf(order), "FAX");
    form.put("reason", "BORED");
    form.put("language", "de");

    ResponseEntity<JsonNode> refused = submit("take-refund-claim", "anna", form);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().path("message").asText()).contains("channel (must be one of PHONE, CHAT)");
    assertThat(casesOn(order)).isEmpty();

    form.put("channel", "CHAT");
    ResponseEntity<JsonNode> intakeRefused = submit("take-refund-claim", "anna", form);
    assertThat(intakeRefused.getStatusCode().value()).isEqualTo(400);
    assertThat(intakeRefused.getBody().path("message").asText()).contains("reason (").contains("language (");
    assertThat(casesOn(order)).isEmpty();
  }

  @Test
  @DisplayName("only support may start the take-*-claim processes; fred, mia and alex get 403, and nothing is filed")
  void onlySupportStarts() {
    String order = refundableOrder();
    for (String user : List.of("fred", "mia", "alex")) {
      ResponseEntity<JsonNode> refused = submit("take-refund-claim", user,
          refundForm(order, ClaimdeskApi.emailOf(order), "PHONE"));
      assertThat(refused.getStatusCode().value()).as(user + ": " + refused.getBody()).isEqualTo(403);
    }
    assertThat(casesOn(order)).isEmpty();
    assertThat(startable("fred")).noneMatch(key -> key.startsWith("take-"));
    assertThat(startable("anna")).contains("take-refund-claim", "take-cancellation-claim", "take-discrepancy-claim",
        "take-wallet-claim").doesNotContain("refund-request", "subscription-cancellation", "payment-discrepancy",
        "wallet-recharge-issue");
  }

  @Test
  @DisplayName("support still cannot start a case's own process: refund-request is the intake's alone (403)")
  void supportCannotStartACaseProcess() {
    String order = refundableOrder();
    ResponseEntity<JsonNode> direct = api.http().post().uri("/engine-rest/process-definition/key/refund-request/start")
        .headers(h -> h.setBasicAuth("anna", "demo")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("businessKey", "CD-FORGED1", "variables", typed(Map.of("orderId", order, "caseReference",
            "CD-FORGED1"))))
        .retrieve().toEntity(JsonNode.class);

    assertThat(direct.getStatusCode().value()).as(String.valueOf(direct.getBody())).isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("CD-FORGED1").count()).isZero();
  }

  @Test
  @DisplayName("attack: the start form cannot set caseReference or policyProfile (400, nothing filed); a plain start"
      + " with them changes nothing the case gets")
  void extraVariablesChangeNothing() {
    String order = refundableOrder();
    String email = ClaimdeskApi.emailOf(order);
    Map<String, Object> forged = refundForm(order, email, "PHONE");
    forged.put("caseReference", "CD-FORGED2");
    forged.put("policyProfile", "GENEROUS");

    ResponseEntity<JsonNode> submitted = submit("take-refund-claim", "anna", forged);

    assertThat(submitted.getStatusCode().value()).isEqualTo(400);
    assertThat(submitted.getBody().path("message").asText())
        .contains("does not own the variable(s) caseReference, policyProfile");
    assertThat(casesOn(order)).isEmpty();

    // The REST start with variables is the same right (CREATE_INSTANCE): the intake reads only the claim's
    // fields and opens the case from the database, so the forged values reach neither the case nor its process.
    ResponseEntity<JsonNode> started = api.http().post().uri("/engine-rest/process-definition/key/take-refund-claim/start")
        .headers(h -> h.setBasicAuth("anna", "demo")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", typed(forged))).retrieve().toEntity(JsonNode.class);

    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(200);
    String reference = (String) variablesOf(started.getBody().path("id").asText()).get("caseReference");
    assertThat(reference).isNotEqualTo("CD-FORGED2").matches("CD-[0-9A-Z]{8}");
    assertThat(casesOn(order)).containsExactly(reference);
    ProcessInstance refund = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult();
    assertThat(runtimeService.getVariable(refund.getId(), "caseReference")).isEqualTo(reference);
    assertThat(runtimeService.getVariable(refund.getId(), "policyProfile")).isEqualTo(jdbc.sql(
        "select policy_profile from claimdesk.claim_case where reference = ?").param(reference)
        .query(String.class).single()).isNotEqualTo("GENEROUS");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("CD-FORGED2").count()).isZero();
  }

  @Test
  @DisplayName("a chat subscription cancellation: a CHAT case, subscription-cancellation started, the customer told")
  void chatCancellation() {
    String subscription = api.subscription(Instant.now().minus(Duration.ofDays(2)),
        Instant.now().plus(Duration.ofDays(28)), 1500);
    String email = ClaimdeskApi.emailOf(ClaimdeskApi.orderOf(subscription));
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("channel", "CHAT");
    form.put("email", email);
    form.put("subscriptionId", subscription);
    form.put("mode", "END_OF_CYCLE");
    form.put("refundRequested", false);
    form.put("reason", "NO_LONGER_NEEDED");
    form.put("language", "en");

    String reference = filed("take-cancellation-claim", form);

    assertThat(channelOf(reference)).isEqualTo("CHAT");
    assertThat(processOf(reference)).isEqualTo("subscription-cancellation");
    assertThat(customerMessagesTo(reference, email)).isPositive();
  }

  @Test
  @DisplayName("a phone payment discrepancy with the expected amount: a PHONE case, payment-discrepancy started, the customer told")
  void phoneDiscrepancy() {
    String order = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(3)), null, 2000);
    String email = ClaimdeskApi.emailOf(order);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("channel", "PHONE");
    form.put("email", email);
    form.put("paymentId", "it-pay-" + order.substring(7));
    form.put("kind", "AMOUNT_MISMATCH");
    form.put("expectedAmount", "12.50");
    form.put("description", "Charged 20.00 for a 12.50 session.");
    form.put("language", "en");

    String reference = filed("take-discrepancy-claim", form);

    assertThat(channelOf(reference)).isEqualTo("PHONE");
    assertThat(processOf(reference)).isEqualTo("payment-discrepancy");
    assertThat(customerMessagesTo(reference, email)).isPositive();
  }

  @Test
  @DisplayName("a phone missing wallet recharge: a PHONE case, wallet-recharge-issue started, the customer told when we check")
  void phoneWalletRecharge() {
    // Paid 10 h ago: the process tells the customer at once when it will check (WR-1), in the filing's transaction.
    String order = api.order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(Duration.ofHours(10)), null, 4000);
    String email = ClaimdeskApi.emailOf(order);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("channel", "PHONE");
    form.put("email", email);
    form.put("orderId", order);
    form.put("payerName", "Camille Test");
    form.put("language", "fr");

    String reference = filed("take-wallet-claim", form);

    assertThat(channelOf(reference)).isEqualTo("PHONE");
    assertThat(processOf(reference)).isEqualTo("wallet-recharge-issue");
    assertThat(customerMessagesTo(reference, email)).isPositive();
  }

  // ---------------------------------------------------------------------------------------------

  private String refundableOrder() {
    return api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        LocalDate.now(ZoneOffset.UTC).minusDays(3), 9000);
  }

  private static Map<String, Object> refundForm(String order, String email, String channel) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("channel", channel);
    form.put("email", email);
    form.put("orderId", order);
    form.put("reason", "SERVICE_ISSUE");
    form.put("description", "The session stopped after ten minutes; told us on the phone.");
    form.put("language", "en");
    return form;
  }

  /** Submits the start form as Tasklist does: {@code submit-form} with the form's values. */
  private ResponseEntity<JsonNode> submit(String key, String user, Map<String, Object> values) {
    return api.http().post().uri("/engine-rest/process-definition/key/" + key + "/submit-form")
        .headers(h -> h.setBasicAuth(user, "demo")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", typed(values))).retrieve().toEntity(JsonNode.class);
  }

  private String filed(String key, Map<String, Object> form) {
    ResponseEntity<JsonNode> submitted = submit(key, "anna", form);
    assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(200);
    Map<String, Object> taken = variablesOf(submitted.getBody().path("id").asText());
    assertThat(taken).containsEntry("filedAs", "NEW_CASE");
    return (String) taken.get("caseReference");
  }

  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }

  /** The ended take-*-claim instance's variables, from history. */
  private Map<String, Object> variablesOf(String processInstanceId) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).list()) {
      variables.put(variable.getName(), variable.getValue());
    }
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getEndActivityId()).isEqualTo("Event_CaseOpened");
    return variables;
  }

  private long historicInstancesOf(String key) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
  }

  private List<String> casesOn(String subjectId) {
    return jdbc.sql("select reference from claimdesk.claim_case where subject_id = ?").param(subjectId)
        .query(String.class).list();
  }

  private String channelOf(String reference) {
    return jdbc.sql("select channel from claimdesk.claim_case where reference = ?").param(reference)
        .query(String.class).single();
  }

  private String processOf(String reference) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult();
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionKey();
  }

  private String acknowledgementTo(String reference, String email) {
    return jdbc.sql("select text_body from claimdesk.notification_outbox where case_reference = ?"
            + " and message_kind = 'CLAIM_RECEIVED' and recipient_kind = 'CUSTOMER' and recipient = ?")
        .param(reference).param(email).query(String.class).single();
  }

  private long customerMessagesTo(String reference, String email) {
    return jdbc.sql("select count(*) from claimdesk.notification_outbox where case_reference = ?"
            + " and recipient_kind = 'CUSTOMER' and recipient = ?")
        .param(reference).param(email).query(Long.class).single();
  }

  /** The keys of the definitions Tasklist offers {@code user} under "Start process". */
  private List<String> startable(String user) {
    JsonNode definitions = api.http().get()
        .uri("/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
            + "&startablePermissionCheck=true&maxResults=100")
        .headers(h -> h.setBasicAuth(user, "demo")).retrieve().toEntity(JsonNode.class).getBody();
    List<String> keys = new java.util.ArrayList<>();
    definitions.forEach(definition -> keys.add(definition.path("key").asText()));
    return keys;
  }
}
