package org.claimdesk.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.claimdesk.commerce.MerchantApiClient.Answer;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

/** {@code /api/payments} and {@code /api/subscriptions} on PostgreSQL. */
@PostgresIntegrationTest
class PaymentAndSubscriptionApiIT extends MerchantApiTestBase {

  private static final String SHOP = MerchantApiClient.MERCHANT;

  @Test
  void aPaymentForAnUnknownOrderIsA422NamingOrderId() {
    String paymentId = unique("pay");
    Answer answer = api.post(SHOP, "/api/payments", payment(paymentId, unique("ord-missing"), 1000));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.errorFields()).containsExactly("orderId");
    assertThat(answer.json().path("detail").asText()).contains("orderId");
    assertThat(rows("payment", "id", paymentId)).isZero();
  }

  @Test
  void aPaymentInAnotherCurrencyThanItsOrderIsA422NamingCurrency() {
    String orderId = unique("ord");
    givenOrder(orderId, unique("cus"), "SERVICE", 1000);
    Map<String, Object> payment = payment(unique("pay"), orderId, 1000);
    payment.put("currency", "USD");

    Answer answer = api.post(SHOP, "/api/payments", payment);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.errorFields()).containsExactly("currency");
  }

  @Test
  void aPaymentIsRecordedOnceAndListedWithItsOrder() {
    String orderId = unique("ord");
    givenOrder(orderId, unique("cus"), "DIGITAL", 1000);
    String paymentId = unique("pay");
    Map<String, Object> payment = payment(paymentId, orderId, 1100);

    Answer first = api.post(SHOP, "/api/payments", payment);
    Answer replay = api.post(SHOP, "/api/payments", payment);
    payment.put("status", "FAILED");
    Answer conflict = api.post(SHOP, "/api/payments", payment);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.headers().getLocation()).hasToString("/api/payments/" + paymentId);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.errorFields()).containsExactly("id");
    assertThat(rows("payment", "id", paymentId)).isOne();
    assertThat(api.get(SHOP, "/api/payments/" + paymentId).json().path("status").asText()).isEqualTo("CAPTURED");
    assertThat(api.get(SHOP, "/api/payments/" + unique("pay-missing")).status()).isEqualTo(404);
  }

  @Test
  void aSubscriptionIsStoredWithBillingActive() {
    String customerId = unique("cus");
    String orderId = unique("ord");
    String paymentId = unique("pay");
    givenOrder(orderId, customerId, "SUBSCRIPTION", 1999);
    assertThat(api.post(SHOP, "/api/payments", payment(paymentId, orderId, 1999)).status()).isEqualTo(201);
    String subscriptionId = unique("sub");
    Map<String, Object> subscription = subscription(subscriptionId, customerId, orderId, paymentId);

    Answer first = api.post(SHOP, "/api/subscriptions", subscription);
    Answer replay = api.post(SHOP, "/api/subscriptions", subscription);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().path("billingActive").asBoolean()).isTrue();
    assertThat(first.json().has("cancelledAt")).isFalse();
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(api.get(SHOP, "/api/subscriptions/" + subscriptionId).json()).isEqualTo(first.json());
    assertThat(rows("subscription", "id", subscriptionId)).isOne();
  }

  @Test
  void aCycleThatEndsBeforeItStartsIsA400NamingCycleEnd() {
    Map<String, Object> subscription = subscription(unique("sub"), unique("cus"), unique("ord"), unique("pay"));
    subscription.put("cycleEnd", "2025-04-01T00:00:00Z");

    Answer answer = api.post(SHOP, "/api/subscriptions", subscription);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorFields()).containsExactly("cycleEnd");
  }

  @Test
  void aSubscriptionOfUnknownRecordsIsA422NamingEachReference() {
    String subscriptionId = unique("sub");
    Answer answer = api.post(SHOP, "/api/subscriptions",
        subscription(subscriptionId, unique("cus"), unique("ord"), unique("pay")));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.errorFields()).containsExactlyInAnyOrder("customerId", "orderId", "lastPaymentId");
    assertThat(rows("subscription", "id", subscriptionId)).isZero();
  }

  private static Map<String, Object> subscription(String id, String customerId, String orderId,
      String paymentId) {
    Map<String, Object> subscription = new LinkedHashMap<>();
    subscription.put("id", id);
    subscription.put("customerId", customerId);
    subscription.put("orderId", orderId);
    subscription.put("plan", "Pro monthly");
    subscription.put("amount", 1999);
    subscription.put("currency", "EUR");
    subscription.put("cycleStart", "2025-05-01T00:00:00Z");
    subscription.put("cycleEnd", "2025-06-01T00:00:00Z");
    subscription.put("lastPaymentId", paymentId);
    subscription.put("status", "ACTIVE");
    return subscription;
  }
}
