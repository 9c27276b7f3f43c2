package org.claimdesk.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.commerce.SubscriptionService;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/cancellation-requests} on PostgreSQL, with the stand-in
 * {@code subscription-cancellation} process: a new case (201), the cancellation under way (200),
 * bad fields (400), an unknown subscription or a wrong email (422, indistinguishable), idempotency.
 */
@PostgresIntegrationTest
class CancellationRequestApiIT extends CancellationApiTestBase {

  @Autowired
  private SubscriptionService subscriptions;

  @Test
  @DisplayName("201: SUBSCRIPTION_CANCELLATION case on the subscription, CLAIM_FILED in the case language, process started with the contract's variables")
  void aRequestOpensACaseAndStartsTheProcess() {
    String email = unique("sub") + "@example.com";
    String subscriptionId = givenSubscription(email, "fr");

    Answer answer = fileCancellation(cancellation(subscriptionId, " " + email.toUpperCase() + " ", "END_OF_CYCLE",
        true), null);

    JsonNode body = assertCaseOpened(answer, "SUBSCRIPTION_CANCELLATION");
    String reference = body.path("reference").asText();

    Map<String, Object> row = jdbc.sql("select * from claimdesk.claim_case where reference = ?").param(reference)
        .query().singleRow();
    assertThat(row).containsEntry("type", "SUBSCRIPTION_CANCELLATION").containsEntry("subject_id", subscriptionId)
        .containsEntry("language", "fr");
    assertThat(jdbc.sql("select message from claimdesk.case_timeline where case_reference = ? and kind = 'CLAIM_FILED'")
        .param(reference).query(String.class).single())
        .isEqualTo("Résiliation demandée à la fin de la période payée ; remboursement du dernier paiement demandé."
            + " Motif : plus besoin.");

    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CancellationProcess.KEY).processInstanceBusinessKey(reference).singleResult();
    assertThat(instance).isNotNull();
    assertThat(row.get("process_instance_id")).isEqualTo(instance.getId());
    assertThat(runtimeService.getVariables(instance.getId())).containsAllEntriesOf(Map.of(
        CancellationProcess.CASE_REFERENCE, reference,
        CancellationProcess.SUBSCRIPTION_ID, subscriptionId,
        CancellationProcess.MODE, "END_OF_CYCLE",
        CancellationProcess.REFUND_REQUESTED, Boolean.TRUE,
        CancellationProcess.REASON, "NO_LONGER_NEEDED",
        CancellationProcess.POLICY_PROFILE, "standard"));
  }

  @Test
  @DisplayName("201 after a decision at once: the answer shows RESOLVED, REFUNDED, SC-3; a final case whose process ended lets a new request open a new case")
  void theAnswerShowsTheCaseAfterTheStart() {
    String email = unique("now") + "@example.com";
    String subscriptionId = givenSubscription(email, "en");

    Answer answer = fileCancellation(cancellation(subscriptionId, email, "IMMEDIATE", false), null);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    assertThat(answer.json().path("status").asText()).isEqualTo("RESOLVED");
    assertThat(answer.json().path("outcome").asText()).isEqualTo("REFUNDED");
    assertThat(answer.json().path("ruleId").asText()).isEqualTo("SC-3");
    assertThat(answer.json().path("accessToken").asText()).isNotEmpty();

    Answer again = fileCancellation(cancellation(subscriptionId, email, "END_OF_CYCLE", false), null);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(casesOn(subscriptionId)).isEqualTo(2);
  }

  @Test
  @DisplayName("200: a second request while the cancellation case is open answers that case, without a token")
  void aSecondRequestWhileOpenAnswersTheOpenCase() {
    String email = unique("twice") + "@example.com";
    String subscriptionId = givenSubscription(email, "en");
    Answer first = fileCancellation(cancellation(subscriptionId, email, "END_OF_CYCLE", false), null);

    Answer second = fileCancellation(cancellation(subscriptionId, email, "IMMEDIATE", true), null);

    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(second.json().path("reference").asText()).isEqualTo(first.json().path("reference").asText());
    assertThat(second.json().path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(second.json().has("accessToken")).isFalse();
    assertThat(second.headers().getLocation()).isNull();
    assertThat(casesOn(subscriptionId)).isEqualTo(1);
  }

  @Test
  @DisplayName("200 while billing is stopped by an earlier cancellation whose process still runs, its case final; 201 once that process has ended")
  void billingStoppedByARunningCancellationAnswersItsCase() {
    String email = unique("stopped") + "@example.com";
    String subscriptionId = givenSubscription(email, "en");
    Answer first = fileCancellation(cancellation(subscriptionId, email, "END_OF_CYCLE", false), null);
    String reference = first.json().path("reference").asText();
    // what the real process does at once: billing stopped (SC-1), the decision recorded, access kept
    subscriptions.stopBilling(subscriptionId, Instant.parse("2026-11-20T09:00:00Z"),
        Instant.parse("2026-12-10T10:16:30Z"));
    caseService.recordOutcome(reference, CaseStatus.RESOLVED, CaseOutcome.REFUNDED, "SC-3");

    Answer second = fileCancellation(cancellation(subscriptionId, email, "END_OF_CYCLE", true), null);

    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(second.json().path("reference").asText()).isEqualTo(reference);
    assertThat(second.json().path("status").asText()).isEqualTo("RESOLVED");
    assertThat(second.json().has("accessToken")).isFalse();
    assertThat(casesOn(subscriptionId)).isEqualTo(1);

    assertThat(withdraw(reference, first.json().path("accessToken").asText()).status()).isEqualTo(204);
    assertThat(processInstances(reference)).isZero();

    Answer third = fileCancellation(cancellation(subscriptionId, email, "END_OF_CYCLE", true), null);
    assertThat(third.status()).as("billing still stopped, but no cancellation runs any more").isEqualTo(201);
    assertThat(casesOn(subscriptionId)).isEqualTo(2);
  }

  @Test
  @DisplayName("422: an unknown subscription and a wrong email answer alike, and write nothing")
  void unknownSubscriptionAndWrongEmailAreTheSame422() {
    String email = unique("owner") + "@example.com";
    String subscriptionId = givenSubscription(email, "en");
    String unknown = unique("sub");

    Answer wrongEmail = fileCancellation(cancellation(subscriptionId, "someone.else@example.com", "IMMEDIATE", false),
        "key-" + subscriptionId);
    Answer unknownSubscription = fileCancellation(cancellation(unknown, email, "IMMEDIATE", false), "key-" + unknown);

    assertThat(wrongEmail.status()).isEqualTo(422);
    assertThat(unknownSubscription.status()).isEqualTo(422);
    assertThat(wrongEmail.isProblem()).isTrue();
    assertThat(wrongEmail.json()).isEqualTo(unknownSubscription.json());
    assertThat(wrongEmail.errorFields()).containsExactlyInAnyOrder("email", "subscriptionId");
    assertThat(casesOn(subscriptionId)).isZero();
    assertThat(casesOn(unknown)).isZero();
    assertThat(count("select count(*) from claimdesk.idempotent_request where idempotency_key in (?, ?)",
        "key-" + subscriptionId, "key-" + unknown)).isZero();
  }

  @Test
  @DisplayName("400: every bad field is named at once, a malformed Idempotency-Key too, and nothing is written")
  void badFieldsAreA400NamingEach() {
    String email = unique("bad") + "@example.com";
    String subscriptionId = givenSubscription(email, "en");
    Map<String, Object> request = cancellation(subscriptionId, email, "IMMEDIATE", false);
    request.put("subscriptionId", "sub with spaces");
    request.put("email", "not-an-email");
    request.put("mode", "LATER");
    request.put("reason", "BORED");
    request.put("language", "de");
    request.remove("refundRequested");

    Answer answer = fileCancellation(request, "bad key with spaces");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.errorFields()).containsExactlyInAnyOrder("Idempotency-Key", "subscriptionId", "email", "mode",
        "refundRequested", "reason", "language");

    Map<String, Object> missing = cancellation(subscriptionId, email, "IMMEDIATE", false);
    missing.remove("mode");
    missing.put("email", " ");
    assertThat(fileCancellation(missing, null).errorFields()).containsExactlyInAnyOrder("mode", "email");

    Map<String, Object> unknownProperty = cancellation(subscriptionId, email, "IMMEDIATE", false);
    unknownProperty.put("amount", 100);
    Answer unknown = fileCancellation(unknownProperty, null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorFields()).containsExactly("amount");

    Answer malformed = call(HttpMethod.POST, "/api/cancellation-requests", "{\"subscriptionId\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.isProblem()).isTrue();
    assertThat(casesOn(subscriptionId)).isZero();
  }

  @Test
  @DisplayName("Idempotency-Key: the same request replays the first answer with the same token; another request with it is a 409")
  void idempotencyKeyReplaysTheFirstAnswer() {
    String email = unique("key") + "@example.com";
    String subscriptionId = givenSubscription(email, "en");
    String key = unique("cancel-try");
    Map<String, Object> request = cancellation(subscriptionId, email, "END_OF_CYCLE", true);

    Answer first = fileCancellation(request, key);
    Answer replay = fileCancellation(request, key);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
    assertThat(replay.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.json().path("reference").asText()).isEqualTo(first.json().path("reference").asText());
    assertThat(replay.json().path("accessToken").asText()).isEqualTo(first.json().path("accessToken").asText());

    Map<String, Object> other = cancellation(subscriptionId, email, "END_OF_CYCLE", false);
    Answer conflict = fileCancellation(other, key);
    assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
    assertThat(conflict.isProblem()).isTrue();

    Answer refundWithSameKey = fileRefund(refundRequest(unique("ord"), email, "SERVICE_ISSUE"), key);
    assertThat(refundWithSameKey.status()).as("keys are scoped per endpoint").isEqualTo(422);
    assertThat(casesOn(subscriptionId)).isEqualTo(1);
  }
}
