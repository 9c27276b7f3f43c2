package org.claimdesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The missing recharge through the customer and merchant APIs against the running application
 * on PostgreSQL, as the issue's "done when" lists it.
 */
@PostgresIntegrationTest
class WalletRechargeIssueIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;

  @Test
  @DisplayName("WR-2: a recharge paid 80 h ago and missing is credited exactly once, even when reported twice")
  void WR2_missingRechargeIsCreditedOnceEvenWhenReportedTwice() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String order = api.order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(Duration.ofHours(80)), null, 2500);
    String customer = "it-cus-" + order.substring(7);
    long before = balance(api, customer);

    ResponseEntity<JsonNode> first = report(api, order);
    ResponseEntity<JsonNode> second = report(api, order);

    assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(201);
    assertThat(second.getStatusCode().value()).isEqualTo(200);
    String reference = first.getBody().path("reference").asText();
    assertThat(second.getBody().path("reference").asText()).isEqualTo(reference);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    EngineJobs.executeAsyncJobs(managementService, instance);

    assertThat(balance(api, customer) - before).isEqualTo(2500);
    JsonNode page = api.caseOf(reference, first.getBody().path("accessToken").asText());
    assertThat(page.path("status").asText()).isEqualTo("RESOLVED");
    assertThat(page.path("outcome").asText()).isEqualTo("CREDITED");
    assertThat(page.path("ruleId").asText()).isEqualTo("WR-2");
    // The shop posting its own credit late cannot credit the recharge a second time.
    ResponseEntity<JsonNode> lateShopCredit = api.post("/api/wallets/" + customer + "/entries", Map.of(
        "id", "wal-late-" + order.substring(7), "orderId", order, "amount", 2500, "currency", "EUR",
        "kind", "RECHARGE"), "shop");
    assertThat(lateShopCredit.getStatusCode().value()).isEqualTo(409);
    assertThat(balance(api, customer) - before).isEqualTo(2500);
  }

  @Test
  @DisplayName("WR-2: reported 10 h after the payment, the case waits; the shop's credit closes it by itself")
  void WR2_shopCreditWhileWaitingClosesTheCase() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String order = api.order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(Duration.ofHours(10)), null, 3000);
    String customer = "it-cus-" + order.substring(7);

    ResponseEntity<JsonNode> filed = report(api, order);
    assertThat(filed.getBody().path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(Instant.parse(filed.getBody().path("replyDueBy").asText()))
        .isAfter(Instant.now().plus(Duration.ofHours(61)));

    ResponseEntity<JsonNode> shopCredit = api.post("/api/wallets/" + customer + "/entries", Map.of(
        "id", "wal-shop-" + order.substring(7), "orderId", order, "amount", 3000, "currency", "EUR",
        "kind", "RECHARGE"), "shop");

    assertThat(shopCredit.getStatusCode().value()).isEqualTo(201);
    String reference = filed.getBody().path("reference").asText();
    JsonNode page = api.caseOf(reference, filed.getBody().path("accessToken").asText());
    assertThat(page.path("status").asText()).isEqualTo("RESOLVED");
    assertThat(page.path("outcome").asText()).isEqualTo("NO_FAULT_FOUND");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    assertThat(balance(api, customer)).isEqualTo(3000);
  }

  private static ResponseEntity<JsonNode> report(ClaimdeskApi api, String order) {
    return api.http().post().uri("/api/wallet-recharge-issues").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("orderId", order, "payerName", "Camille Test", "email", ClaimdeskApi.emailOf(order),
            "language", "fr"))
        .retrieve().toEntity(JsonNode.class);
  }

  private static long balance(ClaimdeskApi api, String customer) {
    JsonNode wallet = api.http().get().uri("/api/wallets/" + customer).headers(h -> h.setBasicAuth("shop", "demo"))
        .retrieve().toEntity(JsonNode.class).getBody();
    return wallet == null ? 0 : wallet.path("balance").asLong();
  }
}
