package org.claimdesk.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import org.claimdesk.commerce.MerchantApiClient.Answer;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

/** Only merchant systems (and the Camunda admin) may use the merchant API. */
@PostgresIntegrationTest
class MerchantApiSecurityIT extends MerchantApiTestBase {

  @Test
  void withoutCredentialsEveryMerchantCallIsA401Problem() {
    String orderId = unique("ord");
    Answer post = api.post(null, "/api/orders", order(orderId, unique("cus"), "SERVICE", 1000));
    Answer get = api.get(null, "/api/wallets/cus-marie");

    assertThat(post.status()).isEqualTo(401);
    assertThat(post.isProblem()).isTrue();
    assertThat(post.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(get.status()).isEqualTo(401);
    assertThat(rows("shop_order", "id", orderId)).isZero();
  }

  @Test
  void aSupportAgentIsA403Problem() {
    String orderId = unique("ord");
    Answer post = api.post(MerchantApiClient.SUPPORT_AGENT, "/api/orders",
        order(orderId, unique("cus"), "SERVICE", 1000));
    Answer get = api.get(MerchantApiClient.SUPPORT_AGENT, "/api/orders/ord-service-rendered-3d");

    assertThat(post.status()).isEqualTo(403);
    assertThat(post.isProblem()).isTrue();
    assertThat(get.status()).isEqualTo(403);
    assertThat(rows("shop_order", "id", orderId)).isZero();
  }

  @Test
  void theCamundaAdminMayReadMerchantData() {
    assertThat(api.get(MerchantApiClient.ADMIN, "/api/orders/ord-service-rendered-3d").status()).isEqualTo(200);
  }
}
