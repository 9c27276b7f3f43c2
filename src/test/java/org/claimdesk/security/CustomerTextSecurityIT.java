package org.claimdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.claimdesk.web.FreeText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue #20, point 7: bidi, zero-width and C1 characters were accepted in customer text, so a
 * description could read differently to the agent than what it says (a right-to-left override
 * turning "refund 10" into something else, a hidden zero-width text). Unicode Cf and Cc are
 * refused now (tab, line feed and carriage return stay allowed in multi-line text), with a 400
 * problem naming the field, and no case is opened.
 */
@PostgresIntegrationTest
class CustomerTextSecurityIT {

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  ClaimdeskApi api;

  @BeforeEach
  void client() {
    api = new ClaimdeskApi(port);
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"202E", "2066", "200B", "200D", "FEFF", "00AD", "0085", "009B", "0007"})
  @DisplayName("a claim whose description holds a format or control character is refused, naming the field")
  void formatAndControlCharactersAreRefused(String codePoint) {
    String sneaky = "Please refund " + Character.toString(Integer.parseInt(codePoint, 16)) + "10 EUR.";
    String orderId = api.order("SERVICE", "BOOKED", Instant.now().minus(Duration.ofDays(2)), null, 9000);

    ResponseEntity<JsonNode> filed = api.http().post().uri("/api/refund-requests").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("orderId", orderId, "email", ClaimdeskApi.emailOf(orderId), "reason", "NOT_DELIVERED",
            "description", sneaky, "language", "en"))
        .retrieve().toEntity(JsonNode.class);

    assertThat(filed.getStatusCode().value()).isEqualTo(400);
    assertThat(filed.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(filed.getBody().toString()).contains("description").contains(FreeText.REFUSED);
    assertThat(jdbc.sql("select count(*) from claimdesk.claim_case where subject_id = ?").param(orderId)
        .query(Long.class).single()).isZero();
  }

  @Test
  @DisplayName("a description as long as allowed is checked without trouble (the rule is one character class)")
  void longTextIsCheckedInOnePass() {
    assertThat(FreeText.problem("description", "x".repeat(100_000), 200_000)).isEmpty();
    assertThat(FreeText.problem("description", "x".repeat(50_000) + "\u202E", 200_000)).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Ligne un\nligne deux\r\n\tavec un retrait", "Ça n'a pas marché 😞 — vraiment", "مرحبا بالعالم"})
  @DisplayName("ordinary text in any script, with line breaks, tabs and emoji, is still accepted")
  void ordinaryTextIsAccepted(String text) {
    assertThat(FreeText.problem("description", text, 4000)).isEmpty();
    assertThat(text).matches(FreeText.MULTI_LINE);
  }
}
