package org.claimdesk.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import org.camunda.bpm.engine.RuntimeService;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue #20, point 7: webhook timestamps far in the future were accepted (Stripe's library
 * refuses only a signature that is too old), so a signed delivery dated ahead could be replayed
 * until then. Both sides of the tolerance are refused now, by the application's clock. In the
 * Stripe adapter's package: the handler is built here around the application's beans, as in
 * {@link StripeWebhooksIT}.
 */
@PostgresIntegrationTest
class WebhookTimestampSecurityIT {

  private static final String SECRET = "whsec_it_" + UUID.randomUUID().toString().replace("-", "");
  private static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final Instant NOW = Instant.now();

  @Autowired
  JdbcClient jdbc;
  @Autowired
  RuntimeService runtime;
  @Autowired
  PaymentService payments;
  @Autowired
  PlatformTransactionManager transactionManager;

  private StripeWebhooks webhooks;

  @BeforeEach
  void handler() {
    webhooks = new StripeWebhooks(new StripeProperties(null, "sk_test_unused", SECRET, Duration.ofSeconds(5),
        Duration.ofSeconds(30), 3, Duration.ofSeconds(10), TOLERANCE, 100), jdbc, runtime, payments,
        transactionManager, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  @DisplayName("a correctly signed event dated beyond the tolerance in the future is refused, naming Stripe-Signature, nothing stored")
  void futureTimestampIsRefused() {
    String id = "evt_future_" + UUID.randomUUID();
    String payload = event(id);

    assertThatThrownBy(() -> webhooks.receive(payload, signedAt(payload, NOW.plus(Duration.ofHours(6)))))
        .isInstanceOfSatisfying(StripeWebhooks.WebhookRefusedException.class, refused -> {
          assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(refused.fieldProblems()).extracting(p -> p.field()).containsExactly("Stripe-Signature");
          assertThat(refused.fieldProblems()).extracting(p -> p.message()).anyMatch(p -> p.contains("in the future"));
        });
    assertThat(events(id)).isZero();
  }

  @Test
  @DisplayName("one dated beyond the tolerance in the past is refused too; one inside it on either side is accepted")
  void bothSidesOfTheTolerance() {
    String old = event("evt_old_" + UUID.randomUUID());
    assertThatThrownBy(() -> webhooks.receive(old, signedAt(old, NOW.minus(TOLERANCE).minusSeconds(30))))
        .isInstanceOf(StripeWebhooks.WebhookRefusedException.class);

    String early = event("evt_early_" + UUID.randomUUID());
    assertThat(webhooks.receive(early, signedAt(early, NOW.plus(TOLERANCE).minusSeconds(30))).duplicate()).isFalse();
    String late = event("evt_late_" + UUID.randomUUID());
    assertThat(webhooks.receive(late, signedAt(late, NOW.minus(Duration.ofMinutes(1)))).duplicate()).isFalse();
  }

  private static String event(String id) {
    return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"" + Stripe.API_VERSION + "\",\"created\":"
        + NOW.getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"customer.created\","
        + "\"data\":{\"object\":{\"id\":\"cus_x\",\"object\":\"customer\"}}}";
  }

  /** A valid Stripe-Signature header for {@code payload}, dated {@code at}. */
  private static String signedAt(String payload, Instant at) {
    try {
      long t = at.getEpochSecond();
      return "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(SECRET, t + "." + payload);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long events(String id) {
    return jdbc.sql("select count(*) from claimdesk.processor_event where id = :id").param("id", id)
        .query(Long.class).single();
  }
}
