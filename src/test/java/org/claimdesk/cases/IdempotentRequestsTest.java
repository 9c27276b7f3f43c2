package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotentRequestsTest {

  @Test
  void usualKeysAreAccepted() {
    assertThat(IdempotentRequests.checkKey(null)).isEmpty();
    assertThat(IdempotentRequests.checkKey("3f1c2a9e-7b4d-4c1e-9a0b-2d6f8e1c5a7b")).isEmpty();
    assertThat(IdempotentRequests.checkKey("order-42:attempt_1")).isEmpty();
    assertThat(IdempotentRequests.checkKey("a".repeat(128))).isEmpty();
    assertThat(IdempotentRequests.checkKey("AbC+/xYz==")).isEmpty();
  }

  @Test
  void oddKeysAreRefusedNamingTheHeader() {
    for (String key : new String[] {"", " ", "a".repeat(129), "has space", "-leading", "tab\t", "é", "semi;colon"}) {
      assertThat(IdempotentRequests.checkKey(key)).as(key).hasValueSatisfying(problem ->
          assertThat(problem.field()).isEqualTo("Idempotency-Key"));
    }
  }

  @Test
  void theRequestHashTellsRequestsApart() {
    String hash = IdempotentRequests.requestHash("ord-1", "a@example.com", "OTHER", "text", "en");

    assertThat(hash).matches("[0-9a-f]{64}")
        .isEqualTo(IdempotentRequests.requestHash("ord-1", "a@example.com", "OTHER", "text", "en"));
    assertThat(IdempotentRequests.requestHash("ord-1", "a@example.com", "OTHER", "text", "fr")).isNotEqualTo(hash);
    // fields are length-prefixed: moving a character from one field to the next changes the hash
    assertThat(IdempotentRequests.requestHash("ab", "c")).isNotEqualTo(IdempotentRequests.requestHash("a", "bc"));
    assertThat(IdempotentRequests.requestHash("a", null)).isNotEqualTo(IdempotentRequests.requestHash("a", ""));
  }
}
