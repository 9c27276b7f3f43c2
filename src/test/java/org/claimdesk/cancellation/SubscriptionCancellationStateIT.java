package org.claimdesk.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.claimdesk.commerce.RecordNotFoundException;
import org.claimdesk.commerce.Subscription;
import org.claimdesk.commerce.SubscriptionService;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cancellation state Claimdesk keeps on {@code claimdesk.subscription} through
 * {@link SubscriptionService} (what the process calls), on PostgreSQL, and as the shop reads it
 * with {@code GET /api/subscriptions/{id}}: each call idempotent, contradicting calls refused.
 */
@PostgresIntegrationTest
class SubscriptionCancellationStateIT extends CancellationApiTestBase {

  private static final Instant CANCELLED_AT = Instant.parse("2026-11-20T09:00:00.123456789Z");
  private static final Instant CYCLE_END = Instant.parse("2026-12-10T10:16:30Z");

  @Autowired
  private SubscriptionService subscriptions;

  @Test
  @DisplayName("SC-1 stop billing: billing inactive, cancelled-at and access-ends-at set, still ACTIVE; the shop sees it; a second call is a no-op")
  void stopBillingKeepsAccessUntilTheCycleEnds() {
    String id = givenSubscription(unique("s") + "@example.com", "en");
    JsonNode before = subscription(id).json();
    assertThat(before.path("billingActive").asBoolean()).isTrue();
    assertThat(before.hasNonNull("cancelledAt")).isFalse();
    assertThat(before.hasNonNull("accessEndsAt")).isFalse();
    assertThat(before.hasNonNull("refundedAmount")).isFalse();

    Subscription stopped = subscriptions.stopBilling(id, CANCELLED_AT, CYCLE_END);
    Subscription again = subscriptions.stopBilling(id, CANCELLED_AT, CYCLE_END);

    assertThat(stopped.billingActive()).isFalse();
    assertThat(stopped.status()).isEqualTo(Subscription.Status.ACTIVE);
    assertThat(stopped.cancelledAt()).isEqualTo(Instant.parse("2026-11-20T09:00:00.123456Z"));
    assertThat(stopped.accessEndsAt()).isEqualTo(CYCLE_END);
    assertThat(again).isEqualTo(stopped);
    JsonNode shown = subscription(id).json();
    assertThat(shown.path("billingActive").asBoolean()).isFalse();
    assertThat(shown.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(Instant.parse(shown.path("cancelledAt").asText())).isEqualTo(stopped.cancelledAt());
    assertThat(Instant.parse(shown.path("accessEndsAt").asText())).isEqualTo(CYCLE_END);

    assertThatThrownBy(() -> subscriptions.stopBilling(id, CANCELLED_AT, CANCELLED_AT))
        .isInstanceOf(IllegalStateException.class);
    assertThat(subscriptions.findSubscription(id)).contains(stopped);
  }

  @Test
  @DisplayName("SC-2 end access: CANCELLED with access ended then; idempotent; no withdrawal afterwards")
  void endAccessCancels() {
    String id = givenSubscription(unique("s") + "@example.com", "en");
    subscriptions.stopBilling(id, CANCELLED_AT, CYCLE_END);

    Subscription ended = subscriptions.endAccess(id, CYCLE_END);

    assertThat(ended.status()).isEqualTo(Subscription.Status.CANCELLED);
    assertThat(ended.accessEndsAt()).isEqualTo(CYCLE_END);
    assertThat(ended.billingActive()).isFalse();
    assertThat(ended.cancelledAt()).isEqualTo(Instant.parse("2026-11-20T09:00:00.123456Z"));
    assertThat(subscriptions.endAccess(id, CYCLE_END)).isEqualTo(ended);
    assertThat(subscription(id).json().path("status").asText()).isEqualTo("CANCELLED");
    assertThatThrownBy(() -> subscriptions.endAccess(id, CANCELLED_AT)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> subscriptions.restore(id)).isInstanceOf(IllegalStateException.class);
    assertThat(subscriptions.stopBilling(id, CANCELLED_AT, CYCLE_END)).as("a retried stop changes nothing")
        .isEqualTo(ended);
    assertThatThrownBy(() -> subscriptions.stopBilling(id, CYCLE_END, CYCLE_END))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("immediate: end access without an earlier stop also stops billing, dated the end")
  void endAccessAloneStopsBillingToo() {
    String id = givenSubscription(unique("s") + "@example.com", "en");
    Instant now = Instant.parse("2026-11-21T08:00:00Z");

    Subscription ended = subscriptions.endAccess(id, now);

    assertThat(ended.billingActive()).isFalse();
    assertThat(ended.cancelledAt()).isEqualTo(now);
    assertThat(ended.accessEndsAt()).isEqualTo(now);
    assertThat(ended.status()).isEqualTo(Subscription.Status.CANCELLED);
  }

  @Test
  @DisplayName("withdrawal restores billing and access: active, no cancellation dates; idempotent; the refund stays recorded")
  void restoreUndoesAScheduledCancellation() {
    String id = givenSubscription(unique("s") + "@example.com", "en");
    subscriptions.stopBilling(id, CANCELLED_AT, CYCLE_END);
    subscriptions.recordRefund(id, 500);

    Subscription restored = subscriptions.restore(id);

    assertThat(restored.billingActive()).isTrue();
    assertThat(restored.cancelledAt()).isNull();
    assertThat(restored.accessEndsAt()).isNull();
    assertThat(restored.status()).isEqualTo(Subscription.Status.ACTIVE);
    assertThat(restored.refundedAmount()).isEqualTo(500L);
    assertThat(subscriptions.restore(id)).isEqualTo(restored);
    assertThat(subscription(id).json().path("billingActive").asBoolean()).isTrue();
    assertThat(subscriptions.stopBilling(id, CANCELLED_AT, CANCELLED_AT).accessEndsAt())
        .as("cancellable again after a withdrawal").isEqualTo(Instant.parse("2026-11-20T09:00:00.123456Z"));
  }

  @Test
  @DisplayName("refund recorded once: the same amount again is a no-op, another amount or more than the last payment is refused")
  void recordRefundOnce() {
    String id = givenSubscription(unique("s") + "@example.com", "en");
    assertThatThrownBy(() -> subscriptions.recordRefund(id, 1991)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> subscriptions.recordRefund(id, -1)).isInstanceOf(IllegalArgumentException.class);

    Subscription refunded = subscriptions.recordRefund(id, 1990);

    assertThat(refunded.refundedAmount()).isEqualTo(1990L);
    assertThat(refunded.billingActive()).as("money and access are separate decisions").isTrue();
    assertThat(subscriptions.recordRefund(id, 1990)).isEqualTo(refunded);
    assertThatThrownBy(() -> subscriptions.recordRefund(id, 1000)).isInstanceOf(IllegalStateException.class);
    assertThat(subscription(id).json().path("refundedAmount").asLong()).isEqualTo(1990);
  }

  @Test
  @DisplayName("bad calls: unknown subscription, missing or reversed dates are refused and change nothing")
  void badCallsAreRefused() {
    String id = givenSubscription(unique("s") + "@example.com", "en");
    assertThatThrownBy(() -> subscriptions.stopBilling(unique("sub"), CANCELLED_AT, CYCLE_END))
        .isInstanceOf(RecordNotFoundException.class);
    assertThatThrownBy(() -> subscriptions.stopBilling(id, null, CYCLE_END)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> subscriptions.stopBilling(id, CYCLE_END, CANCELLED_AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> subscriptions.endAccess(id, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> subscriptions.restore(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(subscriptions.findSubscription(id).orElseThrow().billingActive()).isTrue();
  }
}
