package org.claimdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NotificationSupportTest {

  @Test
  @DisplayName("logs show an address as its first letter and domain, also inside an SMTP error")
  void emailsAreMasked() {
    assertThat(EmailMasking.mask("marie.dubois@example.com")).isEqualTo("m***@example.com");
    assertThat(EmailMasking.mask(null)).isEqualTo("(none)");
    assertThat(EmailMasking.mask("no-at-sign")).isEqualTo("***");
    assertThat(EmailMasking.maskAll("550 5.1.1 <john.smith@example.org>: Recipient address rejected"))
        .isEqualTo("550 5.1.1 <j***@example.org>: Recipient address rejected");
  }

  @Test
  @DisplayName("the wait between attempts doubles from retry-backoff and stops at max-retry-backoff")
  void backoffDoublesUpToTheCap() {
    NotificationProperties properties = new NotificationProperties("support@example.com",
        Duration.ofSeconds(30), 8, Duration.ofMinutes(1), Duration.ofHours(1), 20, true, false);

    assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(properties.backoffAfter(6)).isEqualTo(Duration.ofMinutes(32));
    assertThat(properties.backoffAfter(7)).isEqualTo(Duration.ofHours(1));
    assertThat(properties.backoffAfter(1000)).isEqualTo(Duration.ofHours(1));
  }
}
