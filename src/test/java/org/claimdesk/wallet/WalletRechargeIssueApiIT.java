package org.claimdesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.claimdesk.cases.CustomerApiTestBase;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/wallet-recharge-issues} on PostgreSQL, with the stand-in
 * {@code wallet-recharge-issue} process ({@code cases/wallet-recharge-issue-stand-in.bpmn},
 * deployed for the class and removed after it): a new case (201), the open case (200), bad fields
 * (400), an unknown order, another kind of order or a wrong email (422, indistinguishable),
 * idempotency; the customer actions of a wallet case.
 */
@PostgresIntegrationTest
class WalletRechargeIssueApiIT extends CustomerApiTestBase {

  static final String STAND_IN = "cases/wallet-recharge-issue-stand-in.bpmn";
  private static final String PATH = "/api/wallet-recharge-issues";

  private String walletStandIn;
  private ClaimdeskApi api;

  @BeforeAll
  void deployWalletStandIn() throws IOException {
    walletStandIn = repositoryService.createDeployment()
        .name("test-fixture-wallet-recharge-issue-stand-in")
        .addInputStream("wallet-recharge-issue-stand-in.bpmn", new ClassPathResource(STAND_IN).getInputStream())
        .deploy()
        .getId();
  }

  @AfterAll
  void removeWalletStandIn() {
    if (walletStandIn != null) {
      repositoryService.deleteDeployment(walletStandIn, true, true);
    }
  }

  private ClaimdeskApi api() {
    if (api == null) {
      api = new ClaimdeskApi(port);
    }
    return api;
  }

  /** A WALLET_RECHARGE order of a new customer (Camille Test), paid 10 hours ago. */
  private String givenRecharge() {
    return api().order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(10, ChronoUnit.HOURS), null, 5000);
  }

  private static Map<String, Object> report(String orderId, String payerName, String email, String language) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("orderId", orderId);
    request.put("payerName", payerName);
    request.put("email", email);
    request.put("language", language);
    return request;
  }

  private Answer fileReport(Map<String, Object> request, String idempotencyKey) {
    return call(HttpMethod.POST, PATH, request, KEY_HEADER, idempotencyKey);
  }

  private long walletProcesses(String orderId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(WalletProcess.KEY)
        .variableValueEquals(WalletProcess.ORDER_ID, orderId).count();
  }

  @Test
  @DisplayName("201: WALLET_RECHARGE_ISSUE case on the order, CLAIM_FILED in the customer's language, process started with WalletProcess's variables (payer name as reported, even if not the customer's)")
  void aReportOpensACaseAndStartsTheProcess() {
    String orderId = givenRecharge();
    String email = ClaimdeskApi.emailOf(orderId);

    Answer answer = fileReport(report(orderId, "  Jean Martin ", " " + email.toUpperCase() + " ", "fr"), null);

    JsonNode body = assertCaseOpened(answer, "WALLET_RECHARGE_ISSUE");
    String reference = body.path("reference").asText();

    Map<String, Object> row = jdbc.sql("select * from claimdesk.claim_case where reference = ?").param(reference)
        .query().singleRow();
    assertThat(row).containsEntry("type", "WALLET_RECHARGE_ISSUE").containsEntry("subject_id", orderId)
        .containsEntry("language", "fr");
    assertThat(jdbc.sql("select message from claimdesk.case_timeline where case_reference = ? and kind = 'CLAIM_FILED'")
        .param(reference).query(String.class).single())
        .isEqualTo("Recharge du portefeuille non reçue signalée pour la commande " + orderId
            + ", payée par Jean Martin.");

    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(WalletProcess.KEY).processInstanceBusinessKey(reference).singleResult();
    assertThat(instance).isNotNull();
    assertThat(row.get("process_instance_id")).isEqualTo(instance.getId());
    assertThat(runtimeService.getVariables(instance.getId())).containsExactlyInAnyOrderEntriesOf(Map.of(
        WalletProcess.CASE_REFERENCE, reference,
        WalletProcess.ORDER_ID, orderId,
        WalletProcess.PAYER_NAME, "Jean Martin",
        WalletProcess.POLICY_PROFILE, "standard"));

    Answer page = view(reference, body.path("accessToken").asText());
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.json().path("timeline").path(0).path("kind").asText()).isEqualTo("CLAIM_FILED");
  }

  @Test
  @DisplayName("CLAIM_FILED in English for an English report")
  void theClaimFiledEntryIsInTheReportsLanguage() {
    String orderId = givenRecharge();

    Answer answer = fileReport(report(orderId, "Camille Test", ClaimdeskApi.emailOf(orderId), "en"), null);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    String reference = answer.json().path("reference").asText();
    assertThat(jdbc.sql("select message from claimdesk.case_timeline where case_reference = ? and kind = 'CLAIM_FILED'")
        .param(reference).query(String.class).single())
        .isEqualTo("Missing wallet recharge reported for order " + orderId + ", paid by Camille Test.");
  }

  @Test
  @DisplayName("200: a second report while the wallet case is open answers that case, without a token, and starts nothing")
  void aSecondReportWhileOpenAnswersTheOpenCase() {
    String orderId = givenRecharge();
    String email = ClaimdeskApi.emailOf(orderId);
    Answer first = fileReport(report(orderId, "Camille Test", email, "en"), null);

    Answer second = fileReport(report(orderId, "Someone Else", email, "fr"), null);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(second.json().path("reference").asText()).isEqualTo(first.json().path("reference").asText());
    assertThat(second.json().path("type").asText()).isEqualTo("WALLET_RECHARGE_ISSUE");
    assertThat(second.json().path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(second.json().has("accessToken")).isFalse();
    assertThat(second.headers().getLocation()).isNull();
    assertThat(casesOn(orderId)).isEqualTo(1);
    assertThat(walletProcesses(orderId)).isEqualTo(1);
  }

  @Test
  @DisplayName("Idempotency-Key: the same report replays the first answer with the same token; another report with it is a 409; keys are scoped per endpoint")
  void idempotencyKeyReplaysTheFirstAnswer() {
    String orderId = givenRecharge();
    String email = ClaimdeskApi.emailOf(orderId);
    String key = unique("wallet-try");
    Map<String, Object> request = report(orderId, "Camille Test", email, "en");

    Answer first = fileReport(request, key);
    Answer replay = fileReport(request, key);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
    assertThat(replay.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.json().path("reference").asText()).isEqualTo(first.json().path("reference").asText());
    assertThat(replay.json().path("accessToken").asText()).isEqualTo(first.json().path("accessToken").asText());

    Answer conflict = fileReport(report(orderId, "Jean Martin", email, "en"), key);
    assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
    assertThat(conflict.isProblem()).isTrue();

    Answer refundWithSameKey = fileRefund(refundRequest(unique("ord"), email, "SERVICE_ISSUE"), key);
    assertThat(refundWithSameKey.status()).as("keys are scoped per endpoint").isEqualTo(422);
    assertThat(casesOn(orderId)).isEqualTo(1);
    assertThat(walletProcesses(orderId)).isEqualTo(1);
  }

  @Test
  @DisplayName("422: an unknown order, an order that is not a wallet recharge and a wrong email answer alike, and write nothing")
  void unknownOrderOtherKindOfOrderAndWrongEmailAreTheSame422() {
    String recharge = givenRecharge();
    String service = api().order("SERVICE", "RENDERED", Instant.now().minus(10, ChronoUnit.HOURS), null, 5000);
    String unknown = unique("ord");

    Answer wrongEmail = fileReport(report(recharge, "Camille Test", "someone.else@example.com", "en"),
        "key-" + recharge);
    Answer notARecharge = fileReport(report(service, "Camille Test", ClaimdeskApi.emailOf(service), "en"),
        "key-" + service);
    Answer unknownOrder = fileReport(report(unknown, "Camille Test", ClaimdeskApi.emailOf(recharge), "en"),
        "key-" + unknown);

    for (Answer answer : List.of(wrongEmail, notARecharge, unknownOrder)) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
      assertThat(answer.isProblem()).isTrue();
      assertThat(answer.errorFields()).containsExactlyInAnyOrder("orderId", "email");
    }
    assertThat(notARecharge.json()).isEqualTo(wrongEmail.json());
    assertThat(unknownOrder.json()).isEqualTo(wrongEmail.json());
    for (String orderId : List.of(recharge, service, unknown)) {
      assertThat(casesOn(orderId)).isZero();
      assertThat(walletProcesses(orderId)).isZero();
    }
    assertThat(count("select count(*) from claimdesk.idempotent_request where idempotency_key in (?, ?, ?)",
        "key-" + recharge, "key-" + service, "key-" + unknown)).isZero();
  }

  @Test
  @DisplayName("400: every bad field is named at once, a malformed Idempotency-Key too, and nothing is written")
  void badFieldsAreA400NamingEach() {
    String orderId = givenRecharge();
    String email = ClaimdeskApi.emailOf(orderId);

    Answer all = fileReport(report("ord with spaces", "Jean\u0007Martin", "not-an-email", "de"), "bad key with spaces");
    assertThat(all.status()).as(all.toString()).isEqualTo(400);
    assertThat(all.isProblem()).isTrue();
    assertThat(all.errorFields()).containsExactlyInAnyOrder("Idempotency-Key", "orderId", "payerName", "email",
        "language");

    Map<String, Object> missing = report(orderId, "  ", " ", "en");
    missing.remove("orderId");
    missing.remove("language");
    assertThat(fileReport(missing, null).errorFields())
        .containsExactlyInAnyOrder("orderId", "payerName", "email", "language");

    Map<String, String> oneBadField = Map.of(
        "orderId", "ord/../x",
        "payerName", "x".repeat(WalletRechargeRequest.MAX_PAYER_NAME + 1),
        "email", "camille@",
        "language", "EN");
    oneBadField.forEach((field, value) -> {
      Map<String, Object> request = report(orderId, "Camille Test", email, "en");
      request.put(field, value);
      Answer answer = fileReport(request, "key-" + orderId);
      assertThat(answer.status()).as(field + ": " + answer).isEqualTo(400);
      assertThat(answer.errorFields()).as(field).containsExactly(field);
    });
    Map<String, Object> controlCharacter = report(orderId, "Jean\nMartin", email, "en");
    assertThat(fileReport(controlCharacter, null).errorFields()).containsExactly("payerName");

    Map<String, Object> unknownProperty = report(orderId, "Camille Test", email, "en");
    unknownProperty.put("amount", 100);
    Answer unknown = fileReport(unknownProperty, null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorFields()).containsExactly("amount");

    Answer malformed = call(HttpMethod.POST, PATH, "{\"orderId\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.isProblem()).isTrue();

    assertThat(casesOn(orderId)).isZero();
    assertThat(walletProcesses(orderId)).isZero();
    assertThat(count("select count(*) from claimdesk.idempotent_request where idempotency_key = ?", "key-" + orderId))
        .isZero();
  }

  @Test
  @DisplayName("A wallet case takes evidence while open (EVIDENCE_RECEIVED, the process untouched); offers, withdrawal and feedback are a 409")
  void aWalletCaseTakesEvidenceButNoOtherCustomerAction() {
    String orderId = givenRecharge();
    Answer filed = fileReport(report(orderId, "Camille Test", ClaimdeskApi.emailOf(orderId), "en"), null);
    String reference = filed.json().path("reference").asText();
    String token = filed.json().path("accessToken").asText();

    Answer evidence = upload(reference, token, List.of(new Upload("receipt.png", "image/png", png())));
    assertThat(evidence.status()).as(evidence.toString()).isEqualTo(204);
    assertThat(evidenceFiles(reference)).isEqualTo(1);
    assertThat(timelineEntries(reference, "EVIDENCE_RECEIVED")).isEqualTo(1);
    assertThat(processInstances(reference)).isEqualTo(1);

    for (String action : List.of("/offer/accept", "/offer/decline", "/withdraw")) {
      Answer answer = call(HttpMethod.POST, "/api/cases/" + reference + action, null, TOKEN_HEADER, token);
      assertThat(answer.status()).as(action + ": " + answer).isEqualTo(409);
    }
    Answer feedback = call(HttpMethod.POST, "/api/cases/" + reference + "/feedback",
        Map.of("satisfied", true, "comment", "thanks"), TOKEN_HEADER, token);
    assertThat(feedback.status()).as(feedback.toString()).isEqualTo(409);
    assertThat(view(reference, token).json().path("status").asText()).isEqualTo("IN_REVIEW");
  }
}
