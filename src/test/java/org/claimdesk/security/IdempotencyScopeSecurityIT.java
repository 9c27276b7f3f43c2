package org.claimdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.claimdesk.cases.IdempotentRequests;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.claimdesk.testsupport.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue #20, point 7: an {@code Idempotency-Key} was global per endpoint and kept for ever. Whoever
 * sent the same key and body as a customer, from anywhere, got that customer's access token back;
 * whoever used a key first blocked it for everyone else (409). Now a key belongs to its caller (an
 * account, or an anonymous caller's address), is forgotten after 24 hours, and a replay later than
 * 15 minutes answers without the token. Another caller's request with the same key is simply a new
 * request, which the open-case rule answers (200, no token): still one case.
 */
@PostgresIntegrationTest
class IdempotencyScopeSecurityIT {

  static final String CUSTOMER = "127.0.0.1";
  static final String ATTACKER = "127.0.0.2";

  @LocalServerPort
  int port;
  @Autowired
  ObjectMapper objectMapper;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  IdempotentRequests idempotentRequests;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("the customer's key and body sent from another address, or by the shop account, replay nothing and hand out no token")
  void anotherCallersKeyReplaysNothing() throws IOException {
    String orderId = order();
    String key = "retry-" + UUID.randomUUID();
    Answer first = claim(CUSTOMER, orderId, key, null);
    assertThat(first.status()).isEqualTo(201);
    String token = first.body().path("accessToken").asText();
    assertThat(token).hasSize(43);

    Answer fromElsewhere = claim(ATTACKER, orderId, key, null);
    Answer fromTheShop = claim(CUSTOMER, orderId, key, RawHttp.basic("shop", "demo"));

    for (Answer other : new Answer[] {fromElsewhere, fromTheShop}) {
      assertThat(other.status()).as("the open case, not a replay").isEqualTo(200);
      assertThat(other.body().path("reference").asText()).isEqualTo(first.body().path("reference").asText());
      assertThat(other.body().has("accessToken")).isFalse();
      assertThat(other.replayed()).isNull();
    }
    assertThat(casesOn(orderId)).isOne();
    // The customer's own retry is still a replay, token included.
    Answer retry = claim(CUSTOMER, orderId, key, null);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.replayed()).isEqualTo("true");
    assertThat(retry.body().path("accessToken").asText()).isEqualTo(token);
    // What is kept of the caller is a hash, not the address.
    assertThat(jdbc.sql("select caller from claimdesk.idempotent_request where idempotency_key = :key")
        .param("key", key).query(String.class).list())
        .hasSize(3).allSatisfy(caller -> assertThat(caller).matches("[0-9a-f]{64}"));
  }

  @Test
  @DisplayName("a key used first by someone else does not block the customer's claim with a 409")
  void anotherCallerCannotBlockAKey() throws IOException {
    String key = "order-" + UUID.randomUUID();
    Answer squatted = claim(ATTACKER, order(), key, null);
    assertThat(squatted.status()).isEqualTo(201);

    String orderId = order();
    Answer customer = claim(CUSTOMER, orderId, key, null);

    assertThat(customer.status()).isEqualTo(201);
    assertThat(customer.body().path("reference").asText()).isNotEqualTo(squatted.body().path("reference").asText());
    assertThat(customer.body().path("accessToken").asText()).hasSize(43);
    assertThat(casesOn(orderId)).isOne();
    // Within one caller a key still means one request: another body with it is a conflict.
    assertThat(claim(CUSTOMER, order(), key, null).status()).isEqualTo(409);
  }

  @Test
  @DisplayName("a replay more than 15 minutes after the first request answers 201 with the case but without the token")
  void lateReplayHandsOutNoToken() throws IOException {
    String orderId = order();
    String key = "late-" + UUID.randomUUID();
    Answer first = claim(CUSTOMER, orderId, key, null);
    assertThat(first.status()).isEqualTo(201);

    moveClock(Duration.ofMinutes(14));
    assertThat(claim(CUSTOMER, orderId, key, null).body().path("accessToken").asText())
        .isEqualTo(first.body().path("accessToken").asText());

    moveClock(Duration.ofMinutes(16));
    Answer late = claim(CUSTOMER, orderId, key, null);
    assertThat(late.status()).isEqualTo(201);
    assertThat(late.replayed()).isEqualTo("true");
    assertThat(late.body().path("reference").asText()).isEqualTo(first.body().path("reference").asText());
    assertThat(late.body().has("accessToken")).isFalse();
    assertThat(casesOn(orderId)).isOne();
  }

  @Test
  @DisplayName("after 24 hours a key is forgotten (pruned, or ignored until pruned): the same request is new, and still one case")
  void keysAreForgottenAfterADay() throws IOException {
    String prunedOrder = order();
    String prunedKey = "day-" + UUID.randomUUID();
    String staleOrder = order();
    String staleKey = "day-" + UUID.randomUUID();
    assertThat(claim(CUSTOMER, prunedOrder, prunedKey, null).status()).isEqualTo(201);
    assertThat(claim(CUSTOMER, staleOrder, staleKey, null).status()).isEqualTo(201);

    moveClock(Duration.ofHours(25));
    // Past its retention, not yet pruned: not a replay.
    Answer stale = claim(CUSTOMER, staleOrder, staleKey, null);
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.replayed()).isNull();
    assertThat(stale.body().has("accessToken")).isFalse();

    int pruned = idempotentRequests.pruneExpired();
    assertThat(pruned).isPositive();
    assertThat(keyRows(prunedKey)).isZero();
    assertThat(keyRows(staleKey)).as("claimed again just now, so kept").isOne();

    Answer again = claim(CUSTOMER, prunedOrder, prunedKey, null);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.replayed()).isNull();
    assertThat(again.body().has("accessToken")).isFalse();
    assertThat(casesOn(prunedOrder)).isOne();
    assertThat(casesOn(staleOrder)).isOne();
  }

  private void moveClock(Duration sinceNow) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(sinceNow)));
  }

  private String order() {
    return new ClaimdeskApi(port).order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        LocalDate.now(ZoneOffset.UTC).minusDays(3), 4_500);
  }

  private long casesOn(String orderId) {
    return jdbc.sql("select count(*) from claimdesk.claim_case where subject_id = :order")
        .param("order", orderId).query(Long.class).single();
  }

  private long keyRows(String key) {
    return jdbc.sql("select count(*) from claimdesk.idempotent_request where idempotency_key = :key")
        .param("key", key).query(Long.class).single();
  }

  record Answer(int status, JsonNode body, String replayed) {
  }

  private Answer claim(String from, String orderId, String key, String authorization) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderId", orderId);
    body.put("email", ClaimdeskApi.emailOf(orderId));
    body.put("reason", "SERVICE_ISSUE");
    body.put("description", "The session stopped after ten minutes.");
    body.put("language", "en");
    String[] headers = authorization == null
        ? new String[] {"Content-Type", "application/json", "Idempotency-Key", key}
        : new String[] {"Content-Type", "application/json", "Idempotency-Key", key, "Authorization", authorization};
    RawHttp.Answer answer = new RawHttp(from, port).send("POST", "/api/refund-requests",
        objectMapper.writeValueAsString(body), headers);
    return new Answer(answer.status(), objectMapper.readTree(answer.body()), answer.header("Idempotent-Replayed"));
  }
}
