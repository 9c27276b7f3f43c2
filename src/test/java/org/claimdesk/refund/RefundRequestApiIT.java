package org.claimdesk.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.claimdesk.cases.CustomerApiTestBase;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/refund-requests} on PostgreSQL, with the stand-in {@code refund-request}
 * process: a new case (201), the open case (200), bad fields (400), an unknown order or a wrong
 * email (422, indistinguishable), idempotency keys sequential and concurrent.
 */
@PostgresIntegrationTest
class RefundRequestApiIT extends CustomerApiTestBase {

  @Test
  @DisplayName("201: case opened RECEIVED, CLAIM_FILED on the timeline, process started with the case's variables; the answer shows the case after the start")
  void aClaimOpensACaseAndStartsTheProcess() throws Exception {
    String email = unique("claimant") + "@example.com";
    String orderId = givenOrder(email, "fr");
    Map<String, Object> request = refundRequest(orderId, email, "SERVICE_ISSUE");

    Answer answer = fileRefund(request, null);

    JsonNode body = assertCaseOpened(answer, "REFUND_REQUEST");
    String reference = body.path("reference").asText();
    String token = body.path("accessToken").asText();
    assertThat(body.has("outcome")).isFalse();
    assertThat(body.has("ruleId")).isFalse();

    Map<String, Object> row = jdbc.sql("select * from claimdesk.claim_case where reference = ?").param(reference)
        .query().singleRow();
    assertThat(row).containsEntry("type", "REFUND_REQUEST").containsEntry("status", "IN_REVIEW")
        .containsEntry("policy_profile", "standard").containsEntry("policy_version", "2026-11-01")
        .containsEntry("subject_id", orderId).containsEntry("language", "fr")
        .containsEntry("description", request.get("description"));
    assertThat(row.get("access_token_hash")).isEqualTo(sha256Hex(token));
    assertThat(row.values()).as("the token itself is stored nowhere").doesNotContain(token);

    assertThat(jdbc.sql("select kind, message from claimdesk.case_timeline where case_reference = ? order by id")
        .param(reference).query().listOfRows())
        .containsExactly(Map.of("kind", "CLAIM_FILED", "message", request.get("description")));

    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(reference).singleResult();
    assertThat(instance).isNotNull();
    assertThat(row.get("process_instance_id")).isEqualTo(instance.getId());
    assertThat(runtimeService.getVariables(instance.getId())).containsAllEntriesOf(Map.of(
        RefundProcess.CASE_REFERENCE, reference,
        RefundProcess.ORDER_ID, orderId,
        RefundProcess.REASON, "SERVICE_ISSUE",
        RefundProcess.CLAIM_DESCRIPTION, request.get("description"),
        RefundProcess.POLICY_PROFILE, "standard"));
  }

  @Test
  @DisplayName("demo order of marie.dubois@example.com: the email is compared trimmed and case-insensitively")
  void theEmailIsComparedTrimmedAndCaseInsensitively() {
    Map<String, Object> request = refundRequest("ord-service-rendered-3d", "  Marie.Dubois@EXAMPLE.com ",
        "SERVICE_ISSUE");

    Answer answer = fileRefund(request, null);

    assertThat(answer.status()).as(answer.toString()).isIn(201, 200);
    assertThat(casesOn("ord-service-rendered-3d")).isEqualTo(1);
    assertThat(jdbc.sql("select customer_id from claimdesk.claim_case where subject_id = ?")
        .param("ord-service-rendered-3d").query(String.class).single()).isEqualTo("cus-marie");
  }

  @Test
  @DisplayName("the process refuses at once: the 201 shows REJECTED, REFUSED, RF-5; a final case lets a new claim open a new case")
  void aClaimRefusedAtOnceAnswersWithTheDecision() {
    String email = unique("mind") + "@example.com";
    String orderId = givenOrder(email, "en");

    Answer refused = fileRefund(refundRequest(orderId, email, "CHANGED_MIND"), null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(201);
    assertThat(refused.json().path("status").asText()).isEqualTo("REJECTED");
    assertThat(refused.json().path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(refused.json().path("ruleId").asText()).isEqualTo("RF-5");
    assertThat(refused.json().path("accessToken").asText()).isNotEmpty();

    Answer again = fileRefund(refundRequest(orderId, email, "SERVICE_ISSUE"), null);

    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.json().path("reference").asText()).isNotEqualTo(refused.json().path("reference").asText());
    assertThat(casesOn(orderId)).isEqualTo(2);
  }

  @Test
  @DisplayName("200: a second claim on an order with an open refund case answers that case, without a token")
  void aSecondClaimOnAnOpenCaseAnswersIt() {
    String email = unique("twice") + "@example.com";
    String orderId = givenOrder(email, "en");
    Answer first = fileRefund(refundRequest(orderId, email, "SERVICE_ISSUE"), null);

    Map<String, Object> second = refundRequest(orderId, email, "NOT_AS_DESCRIBED");
    second.put("description", "Another description");
    Answer answer = fileRefund(second, null);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().path("reference").asText()).isEqualTo(first.json().path("reference").asText());
    assertThat(answer.json().path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(answer.json().has("accessToken")).isFalse();
    assertThat(answer.headers().getLocation()).isNull();
    assertThat(casesOn(orderId)).isEqualTo(1);
    assertThat(processInstances(first.json().path("reference").asText())).isEqualTo(1);
  }

  @Test
  @DisplayName("422: an unknown order and a wrong email answer alike, and write nothing")
  void unknownOrderAndWrongEmailAreTheSame422() {
    String email = unique("owner") + "@example.com";
    String orderId = givenOrder(email, "en");
    String unknownOrder = unique("ord");

    Answer wrongEmail = fileRefund(refundRequest(orderId, "someone.else@example.com", "SERVICE_ISSUE"), "key-" + orderId);
    Answer unknown = fileRefund(refundRequest(unknownOrder, email, "SERVICE_ISSUE"), "key-" + unknownOrder);

    assertThat(wrongEmail.status()).isEqualTo(422);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(wrongEmail.isProblem()).isTrue();
    assertThat(wrongEmail.json()).isEqualTo(unknown.json());
    assertThat(wrongEmail.errorFields()).containsExactly("email", "orderId");
    assertThat(casesOn(orderId)).isZero();
    assertThat(casesOn(unknownOrder)).isZero();
    assertThat(count("select count(*) from claimdesk.idempotent_request where idempotency_key in (?, ?)",
        "key-" + orderId, "key-" + unknownOrder)).isZero();
  }

  @Test
  @DisplayName("400: every bad field is named at once, a malformed Idempotency-Key too, and nothing is written")
  void badFieldsAreA400NamingEachAndWriteNothing() {
    String email = unique("bad") + "@example.com";
    String orderId = givenOrder(email, "en");
    Map<String, Object> request = refundRequest(orderId, email, "SERVICE_ISSUE");
    request.put("orderId", "ord with spaces");
    request.put("email", "not-an-email");
    request.put("reason", "BORED");
    request.put("description", "x".repeat(4001));
    request.put("language", "de");

    Answer answer = fileRefund(request, "bad key with spaces");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.errorFields()).containsExactlyInAnyOrder("Idempotency-Key", "orderId", "email", "reason",
        "description", "language");

    Map<String, Object> missing = refundRequest(orderId, email, "SERVICE_ISSUE");
    missing.remove("description");
    missing.put("email", " ");
    missing.remove("reason");
    assertThat(fileRefund(missing, null).errorFields()).containsExactlyInAnyOrder("description", "email", "reason");

    Map<String, Object> unknownProperty = refundRequest(orderId, email, "SERVICE_ISSUE");
    unknownProperty.put("amount", 100);
    Answer unknown = fileRefund(unknownProperty, null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorFields()).containsExactly("amount");

    Answer malformed = call(HttpMethod.POST, "/api/refund-requests", "{\"orderId\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.isProblem()).isTrue();

    assertThat(fileRefund(refundRequest(orderId, email, "SERVICE_ISSUE"), "k".repeat(129)).errorFields())
        .containsExactly("Idempotency-Key");
    assertThat(casesOn(orderId)).isZero();
  }

  @Test
  @DisplayName("Idempotency-Key: the same request replays the first answer with the same token; another request with it is a 409")
  void theSameKeyReplaysTheFirstAnswer() {
    String email = unique("retry") + "@example.com";
    String orderId = givenOrder(email, "en");
    String key = "retry-" + orderId;
    Map<String, Object> request = refundRequest(orderId, email, "NOT_DELIVERED");

    Answer first = fileRefund(request, key);
    Answer replay = fileRefund(request, key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.json()).isEqualTo(first.json());
    assertThat(replay.headers().getLocation()).isEqualTo(first.headers().getLocation());
    assertThat(replay.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
    String reference = first.json().path("reference").asText();
    assertThat(casesOn(orderId)).isEqualTo(1);
    assertThat(processInstances(reference)).isEqualTo(1);
    assertThat(timelineEntries(reference, "CLAIM_FILED")).isEqualTo(1);

    Map<String, Object> changed = refundRequest(orderId, email, "NOT_DELIVERED");
    changed.put("description", "Something else entirely.");
    Answer conflict = fileRefund(changed, key);

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.isProblem()).isTrue();
    assertThat(conflict.errorFields()).containsExactly("Idempotency-Key");
    assertThat(casesOn(orderId)).isEqualTo(1);

    // a key first answered with 200 replays the 200, still without a token
    Answer other = fileRefund(refundRequest(orderId, email, "OTHER"), "second-" + orderId);
    Answer otherReplay = fileRefund(refundRequest(orderId, email, "OTHER"), "second-" + orderId);
    assertThat(other.status()).isEqualTo(200);
    assertThat(otherReplay.status()).isEqualTo(200);
    assertThat(otherReplay.json()).isEqualTo(other.json());
    assertThat(otherReplay.json().has("accessToken")).isFalse();
  }

  @Test
  @DisplayName("concurrent requests with one Idempotency-Key: one case, one process instance, the same answer for all")
  void concurrentRequestsWithOneKeyMakeOneCase() throws Exception {
    String email = unique("race") + "@example.com";
    String orderId = givenOrder(email, "en");
    String key = "race-" + orderId;
    Map<String, Object> request = refundRequest(orderId, email, "SERVICE_ISSUE");

    List<Answer> answers = concurrently(6, () -> fileRefund(request, key));

    assertThat(answers).extracting(Answer::status).containsOnly(201);
    assertThat(answers).extracting(Answer::json).containsOnly(answers.get(0).json());
    assertThat(casesOn(orderId)).isEqualTo(1);
    assertThat(processInstances(answers.get(0).json().path("reference").asText())).isEqualTo(1);
  }

  @Test
  @DisplayName("concurrent claims on one order without a key: one 201, the others 200 with the same case")
  void concurrentClaimsOnOneOrderMakeOneCase() throws Exception {
    String email = unique("crowd") + "@example.com";
    String orderId = givenOrder(email, "en");
    Map<String, Object> request = refundRequest(orderId, email, "SERVICE_ISSUE");

    List<Answer> answers = concurrently(6, () -> fileRefund(request, null));

    assertThat(answers).extracting(Answer::status).containsOnly(201, 200);
    assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
    assertThat(answers).extracting(a -> a.json().path("reference").asText()).containsOnly(
        answers.get(0).json().path("reference").asText());
    assertThat(casesOn(orderId)).isEqualTo(1);
  }

  private static List<Answer> concurrently(int callers, Callable<Answer> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CyclicBarrier start = new CyclicBarrier(callers);
      List<Future<Answer>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        futures.add(pool.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return call.call();
        }));
      }
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> future : futures) {
        answers.add(future.get(120, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String sha256Hex(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
