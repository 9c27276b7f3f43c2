package org.claimdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.claimdesk.commerce.WalletEntry;
import org.claimdesk.commerce.WalletLedger;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The demo merchant data is seeded on PostgreSQL and served by the merchant API. */
@PostgresIntegrationTest
class DemoMerchantDataIT {

  @LocalServerPort
  int port;

  @Autowired
  WalletLedger wallets;

  @Autowired
  DemoMerchantData demoData;

  @Test
  void everyDemoRecordWasCreatedOnPostgres() {
    assertThat(demoData.seed()).isEqualTo(new DemoMerchantData.Seeding(0, 0));
  }

  @Test
  void anOrderOfEveryProductTypeIsServed() {
    Map<String, String> orders = Map.of(
        "ord-service-rendered-3d", "SERVICE",
        "ord-digital-initiated-2d", "DIGITAL",
        "ord-sub-paid-3d", "SUBSCRIPTION",
        "ord-recharge-10h", "WALLET_RECHARGE");
    // Read as the admin, whose account exists in every profile with demo users.
    orders.forEach((id, productType) -> {
      Map<?, ?> order = get("/api/orders/" + id);
      assertThat(order.get("productType")).isEqualTo(productType);
      assertThat(order.get("currency")).isEqualTo("EUR");
    });
    assertThat(get("/api/subscriptions/sub-paid-20d").get("billingActive")).isEqualTo(true);
    assertThat(get("/api/payments/pay-amount-mismatch").get("amount")).isEqualTo(4400);
  }

  @Test
  void theDemoWalletsHoldTheirSeededEntries() {
    Map<?, ?> wallet = get("/api/wallets/cus-marie");
    assertThat(wallet.get("currency")).isEqualTo("EUR");
    long sum = wallets.findWallet("cus-marie").orElseThrow().entries().stream()
        .mapToLong(WalletEntry::balanceChange).sum();
    assertThat(((Number) wallet.get("balance")).longValue()).isEqualTo(sum);
    assertThat(wallets.findEntry("wal-marie-recharge").map(WalletEntry::amount)).contains(10000L);
    assertThat(wallets.findEntry("wal-marie-purchase").map(WalletEntry::balanceChange)).contains(-2500L);
    assertThat(wallets.findRechargeCredit("ord-recharge-80h")).isEmpty();
  }

  private Map<?, ?> get(String path) {
    return RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .requestFactory(new JdkClientHttpRequestFactory())
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
            .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
        .build()
        .get().uri(path).accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .body(Map.class);
  }
}
