package org.claimdesk.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.claimdesk.commerce.MerchantApiClient.Answer;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

/** {@code /api/orders} on PostgreSQL: validation, idempotent replays, conflicts, races. */
@PostgresIntegrationTest
class OrderApiIT extends MerchantApiTestBase {

  private static final String SHOP = MerchantApiClient.MERCHANT;

  @Test
  void aNegativeAmountIsA400NamingAmountAndStoresNothing() {
    String orderId = unique("ord");
    String customerId = unique("cus");
    Map<String, Object> order = order(orderId, customerId, "SERVICE", 1000);
    order.put("amount", -500);

    Answer answer = api.post(SHOP, "/api/orders", order);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.errorFields()).containsExactly("amount");
    assertThat(answer.json().path("detail").asText()).contains("amount");
    assertThat(rows("shop_order", "id", orderId)).isZero();
    assertThat(rows("customer", "id", customerId)).isZero();
  }

  @Test
  void eachKindOfBadFieldIsA400NamingIt() {
    String orderId = unique("ord");
    String customerId = unique("cus");
    Map<String, Object> valid = order(orderId, customerId, "DIGITAL", 1000);

    Map<String, Object> textAmount = MerchantApiClient.copy(valid);
    textAmount.put("amount", "ten");
    assertBadRequestNaming(textAmount, "amount");

    Map<String, Object> quotedNumber = MerchantApiClient.copy(valid);
    quotedNumber.put("amount", "1000");
    assertBadRequestNaming(quotedNumber, "amount");

    Map<String, Object> fraction = MerchantApiClient.copy(valid);
    fraction.put("amount", 10.5);
    assertBadRequestNaming(fraction, "amount");

    Map<String, Object> badCurrency = MerchantApiClient.copy(valid);
    badCurrency.put("currency", "EURO");
    assertBadRequestNaming(badCurrency, "currency");

    Map<String, Object> unknownCurrency = MerchantApiClient.copy(valid);
    unknownCurrency.put("currency", "ZZZ");
    assertBadRequestNaming(unknownCurrency, "currency");

    Map<String, Object> unknownProperty = MerchantApiClient.copy(valid);
    unknownProperty.put("discountCode", "SPRING");
    assertBadRequestNaming(unknownProperty, "discountCode");

    Map<String, Object> badEmail = MerchantApiClient.copy(valid);
    Map<String, Object> customerWithBadEmail = customer(customerId);
    customerWithBadEmail.put("email", "not-an-email");
    badEmail.put("customer", customerWithBadEmail);
    assertBadRequestNaming(badEmail, "customer.email");

    Map<String, Object> missingNested = MerchantApiClient.copy(valid);
    Map<String, Object> customerWithoutLanguage = customer(customerId);
    customerWithoutLanguage.remove("language");
    missingNested.put("customer", customerWithoutLanguage);
    assertBadRequestNaming(missingNested, "customer.language");

    Map<String, Object> badEnum = MerchantApiClient.copy(valid);
    badEnum.put("productType", "HARDWARE");
    assertBadRequestNaming(badEnum, "productType");

    Map<String, Object> badInstant = MerchantApiClient.copy(valid);
    badInstant.put("orderedAt", "01/05/2025 10:15");
    assertBadRequestNaming(badInstant, "orderedAt");

    Map<String, Object> badDate = MerchantApiClient.copy(valid);
    badDate.put("serviceDate", "2025-02-30");
    assertBadRequestNaming(badDate, "serviceDate");

    Map<String, Object> badLanguage = MerchantApiClient.copy(valid);
    Map<String, Object> germanCustomer = customer(customerId);
    germanCustomer.put("language", "de");
    badLanguage.put("customer", germanCustomer);
    assertBadRequestNaming(badLanguage, "customer.language");

    Map<String, Object> badId = MerchantApiClient.copy(valid);
    badId.put("id", "has spaces/and slashes");
    assertBadRequestNaming(badId, "id");

    assertThat(rows("shop_order", "id", orderId)).isZero();
    assertThat(rows("customer", "id", customerId)).isZero();
  }

  @Test
  void everyInvalidFieldIsNamedInOneAnswer() {
    String customerId = unique("cus");
    Map<String, Object> order = order(unique("ord"), customerId, "SERVICE", 0);
    order.put("currency", "eur");
    order.remove("description");
    Map<String, Object> customer = customer(customerId);
    customer.put("email", "nope");
    customer.remove("name");
    order.put("customer", customer);

    Answer answer = api.post(SHOP, "/api/orders", order);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorFields()).contains("amount", "currency", "description", "customer.email",
        "customer.name");
    assertThat(answer.json().path("detail").asText()).contains("customer.email").contains("description");
  }

  @Test
  void malformedJsonIsA400Problem() {
    Answer answer = api.post(SHOP, "/api/orders", "{\"id\": \"x\",");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.isProblem()).isTrue();
    assertThat(answer.body()).doesNotContain("com.fasterxml").doesNotContain("at org.");
  }

  @Test
  void theSameOrderPostedTwiceAnswersTheSameAndIsStoredOnce() {
    String orderId = unique("ord");
    Map<String, Object> order = order(orderId, unique("cus"), "SERVICE", 12000);

    Answer first = api.post(SHOP, "/api/orders", order);
    Answer second = api.post(SHOP, "/api/orders", order);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(first.headers().getLocation()).hasToString("/api/orders/" + orderId);
    assertThat(second.headers().getLocation()).isEqualTo(first.headers().getLocation());
    assertThat(first.json().path("amount").asLong()).isEqualTo(12000);
    assertThat(first.json().path("customer").path("language").asText()).isEqualTo("fr");
    assertThat(rows("shop_order", "id", orderId)).isOne();

    Answer read = api.get(SHOP, "/api/orders/" + orderId);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(first.json());
  }

  @Test
  void theSameIdWithOtherContentIsA409NamingIdAndChangesNothing() {
    String orderId = unique("ord");
    String customerId = unique("cus");
    assertThat(api.post(SHOP, "/api/orders", order(orderId, customerId, "SERVICE", 12000)).status())
        .isEqualTo(201);

    Answer conflict = api.post(SHOP, "/api/orders", order(orderId, customerId, "SERVICE", 13000));

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.isProblem()).isTrue();
    assertThat(conflict.errorFields()).containsExactly("id");
    assertThat(conflict.json().path("detail").asText()).contains(orderId);
    assertThat(api.get(SHOP, "/api/orders/" + orderId).json().path("amount").asLong()).isEqualTo(12000);
  }

  @Test
  void aKnownCustomerIsReusedButNotChangedThroughAnOrder() {
    String customerId = unique("cus");
    givenOrder(unique("ord"), customerId, "SERVICE", 1000);

    String secondOrder = unique("ord");
    assertThat(api.post(SHOP, "/api/orders", order(secondOrder, customerId, "DIGITAL", 2000)).status())
        .isEqualTo(201);
    assertThat(rows("customer", "id", customerId)).isOne();

    String thirdOrder = unique("ord");
    Map<String, Object> renamed = order(thirdOrder, customerId, "DIGITAL", 2000);
    Map<String, Object> customer = customer(customerId);
    customer.put("name", "Someone Else");
    renamed.put("customer", customer);
    Answer conflict = api.post(SHOP, "/api/orders", renamed);

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.errorFields()).containsExactly("customer");
    assertThat(conflict.json().path("detail").asText()).contains("cannot be changed through an order");
    assertThat(rows("shop_order", "id", thirdOrder)).isZero();
    assertThat(jdbc.sql("select name from claimdesk.customer where id = :id").param("id", customerId)
        .query(String.class).single()).isEqualTo("Test Customer");
  }

  @Test
  void twoConcurrentIdenticalPostsBothSucceedAndStoreOneRow() throws Exception {
    String orderId = unique("ord");
    String customerId = unique("cus");
    Map<String, Object> order = order(orderId, customerId, "SUBSCRIPTION", 999);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<Answer>> posts = List.of(
          CompletableFuture.supplyAsync(() -> postAfter(start, order), pool),
          CompletableFuture.supplyAsync(() -> postAfter(start, order), pool));
      Answer one = posts.get(0).get(30, TimeUnit.SECONDS);
      Answer other = posts.get(1).get(30, TimeUnit.SECONDS);

      assertThat(one.status()).as(one.body()).isEqualTo(201);
      assertThat(other.status()).as(other.body()).isEqualTo(201);
      assertThat(other.body()).isEqualTo(one.body());
      assertThat(rows("shop_order", "id", orderId)).isOne();
      assertThat(rows("customer", "id", customerId)).isOne();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anUnknownOrderIsA404Problem() {
    Answer answer = api.get(SHOP, "/api/orders/" + unique("ord-missing"));
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.isProblem()).isTrue();
  }

  private Answer postAfter(CyclicBarrier start, Map<String, Object> order) {
    try {
      start.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return api.post(SHOP, "/api/orders", order);
  }

  private void assertBadRequestNaming(Map<String, Object> order, String field) {
    Answer answer = api.post(SHOP, "/api/orders", order);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.isProblem()).as(answer.body()).isTrue();
    assertThat(answer.errorFields()).as(answer.body()).contains(field);
    assertThat(answer.json().path("detail").asText()).contains(field);
  }
}
