package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdempotencyPropertiesTest {

  @Test
  @DisplayName("a retention of zero, or a token window longer than the retention, is refused at start")
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> new IdempotencyProperties(Duration.ZERO, Duration.ZERO, Duration.ofHours(1)))
        .hasMessageContaining("retention");
    assertThatThrownBy(() -> new IdempotencyProperties(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(1)))
        .hasMessageContaining("token-replay-window");
    assertThatThrownBy(() -> new IdempotencyProperties(Duration.ofHours(1), Duration.ofMinutes(-1), Duration.ofHours(1)))
        .hasMessageContaining("token-replay-window");
  }
}
