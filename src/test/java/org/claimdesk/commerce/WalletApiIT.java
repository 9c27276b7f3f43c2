package org.claimdesk.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.claimdesk.commerce.MerchantApiClient.Answer;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The wallet ledger through {@code /api/wallets} and through the service processes call. */
@PostgresIntegrationTest
class WalletApiIT extends MerchantApiTestBase {

  private static final String SHOP = MerchantApiClient.MERCHANT;

  @Autowired
  WalletLedger ledger;

  @Test
  void theBalanceIsTheSumOfRechargesAndPurchases() {
    String customerId = unique("cus");
    String rechargeOrder = unique("ord");
    String purchaseOrder = unique("ord");
    givenOrder(rechargeOrder, customerId, "WALLET_RECHARGE", 5000);
    givenOrder(purchaseOrder, customerId, "DIGITAL", 1200);

    Answer recharge = postEntry(customerId, walletEntry(unique("wal"), rechargeOrder, 5000, "RECHARGE"));
    Answer purchase = postEntry(customerId, walletEntry(unique("wal"), purchaseOrder, 1200, "PURCHASE"));

    assertThat(recharge.status()).as(recharge.body()).isEqualTo(201);
    assertThat(recharge.headers().getLocation()).hasToString("/api/wallets/" + customerId);
    assertThat(purchase.status()).as(purchase.body()).isEqualTo(201);
    assertThat(purchase.json().path("balanceChange").asLong()).isEqualTo(-1200);
    Answer wallet = api.get(SHOP, "/api/wallets/" + customerId);
    assertThat(wallet.status()).isEqualTo(200);
    assertThat(wallet.json().path("customerId").asText()).isEqualTo(customerId);
    assertThat(wallet.json().path("balance").asLong()).isEqualTo(3800);
    assertThat(wallet.json().path("currency").asText()).isEqualTo("EUR");
    assertThat(wallet.json().path("entries")).hasSize(2);
    assertThat(ledger.balanceOf(customerId)).contains(Money.of(3800, "EUR"));
  }

  @Test
  void aPurchaseBeyondTheBalanceIsA422AndChangesNothing() {
    String customerId = unique("cus");
    String rechargeOrder = unique("ord");
    String purchaseOrder = unique("ord");
    givenOrder(rechargeOrder, customerId, "WALLET_RECHARGE", 1000);
    givenOrder(purchaseOrder, customerId, "SERVICE", 1500);
    assertThat(postEntry(customerId, walletEntry(unique("wal"), rechargeOrder, 1000, "RECHARGE")).status())
        .isEqualTo(201);

    String purchaseId = unique("wal");
    Answer purchase = postEntry(customerId, walletEntry(purchaseId, purchaseOrder, 1500, "PURCHASE"));

    assertThat(purchase.status()).isEqualTo(422);
    assertThat(purchase.isProblem()).isTrue();
    assertThat(purchase.errorFields()).containsExactly("amount");
    assertThat(rows("wallet_entry", "id", purchaseId)).isZero();
    assertThat(api.get(SHOP, "/api/wallets/" + customerId).json().path("balance").asLong()).isEqualTo(1000);
  }

  @Test
  void aRechargeOrderIsCreditedOnlyOnceWhateverTheEntryId() {
    String customerId = unique("cus");
    String rechargeOrder = unique("ord");
    givenOrder(rechargeOrder, customerId, "WALLET_RECHARGE", 2000);
    String firstEntry = unique("wal");
    assertThat(postEntry(customerId, walletEntry(firstEntry, rechargeOrder, 2000, "RECHARGE")).status())
        .isEqualTo(201);

    String secondEntry = unique("wal");
    Answer second = postEntry(customerId, walletEntry(secondEntry, rechargeOrder, 2000, "RECHARGE"));

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.errorFields()).containsExactly("orderId");
    assertThat(second.json().path("detail").asText()).contains(firstEntry);
    assertThat(rows("wallet_entry", "id", secondEntry)).isZero();
    assertThat(rows("wallet_entry", "recharge_order_id", rechargeOrder)).isOne();
    assertThat(ledger.balanceOf(customerId)).contains(Money.of(2000, "EUR"));

    // A process crediting the same order meets the same key and learns which entry credited it.
    WalletEntryRequest claimdeskCredit = new WalletEntryRequest("claimdesk-recharge-" + rechargeOrder,
        rechargeOrder, 2000L, "EUR", WalletEntry.Kind.RECHARGE);
    assertThatThrownBy(() -> ledger.append(customerId, claimdeskCredit, WalletEntry.Source.CLAIMDESK))
        .isInstanceOfSatisfying(RechargeAlreadyCreditedException.class,
            e -> assertThat(e.existingEntry().id()).isEqualTo(firstEntry));
    assertThat(ledger.findRechargeCredit(rechargeOrder).map(WalletEntry::id)).contains(firstEntry);
    assertThat(ledger.balanceOf(customerId)).contains(Money.of(2000, "EUR"));
  }

  @Test
  void theSameEntryPostedAgainIsStoredOnceAndOtherContentIsA409() {
    String customerId = unique("cus");
    String rechargeOrder = unique("ord");
    givenOrder(rechargeOrder, customerId, "WALLET_RECHARGE", 3000);
    String entryId = unique("wal");

    Answer first = postEntry(customerId, walletEntry(entryId, rechargeOrder, 3000, "RECHARGE"));
    Answer replay = postEntry(customerId, walletEntry(entryId, rechargeOrder, 3000, "RECHARGE"));
    Answer conflict = postEntry(customerId, walletEntry(entryId, null, 300, "ADJUSTMENT"));

    assertThat(first.status()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.errorFields()).containsExactly("id");
    assertThat(rows("wallet_entry", "id", entryId)).isOne();
    assertThat(ledger.balanceOf(customerId)).contains(Money.of(3000, "EUR"));
  }

  @Test
  void concurrentPurchasesCannotTakeTheBalanceBelowZero() throws Exception {
    String customerId = unique("cus");
    String rechargeOrder = unique("ord");
    String purchaseOrder = unique("ord");
    givenOrder(rechargeOrder, customerId, "WALLET_RECHARGE", 1000);
    givenOrder(purchaseOrder, customerId, "DIGITAL", 600);
    assertThat(postEntry(customerId, walletEntry(unique("wal"), rechargeOrder, 1000, "RECHARGE")).status())
        .isEqualTo(201);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<Answer>> purchases = List.of(
          CompletableFuture.supplyAsync(() -> purchaseAfter(start, customerId, purchaseOrder), pool),
          CompletableFuture.supplyAsync(() -> purchaseAfter(start, customerId, purchaseOrder), pool));
      List<Integer> statuses = List.of(purchases.get(0).get(30, TimeUnit.SECONDS).status(),
          purchases.get(1).get(30, TimeUnit.SECONDS).status());

      assertThat(statuses).containsExactlyInAnyOrder(201, 422);
      assertThat(ledger.balanceOf(customerId)).contains(Money.of(400, "EUR"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void entriesThatDoNotFitTheWalletOrTheOrderAreA422() {
    String customerId = unique("cus");
    String serviceOrder = unique("ord");
    String rechargeOrder = unique("ord");
    givenOrder(serviceOrder, customerId, "SERVICE", 1000);
    givenOrder(rechargeOrder, customerId, "WALLET_RECHARGE", 1000);

    Answer rechargeOfAService = postEntry(customerId, walletEntry(unique("wal"), serviceOrder, 1000, "RECHARGE"));
    assertThat(rechargeOfAService.status()).isEqualTo(422);
    assertThat(rechargeOfAService.errorFields()).containsExactly("orderId");

    Answer otherCustomersOrder = postEntry(unique("cus-other"), walletEntry(unique("wal"), rechargeOrder, 1000, "RECHARGE"));
    assertThat(otherCustomersOrder.status()).isEqualTo(422);
    assertThat(otherCustomersOrder.errorFields()).containsExactly("customerId");

    assertThat(postEntry(customerId, walletEntry(unique("wal"), null, 500, "ADJUSTMENT")).status()).isEqualTo(201);
    var dollars = walletEntry(unique("wal"), null, 500, "ADJUSTMENT");
    dollars.put("currency", "USD");
    Answer otherCurrency = postEntry(customerId, dollars);
    assertThat(otherCurrency.status()).isEqualTo(422);
    assertThat(otherCurrency.errorFields()).containsExactly("currency");
  }

  @Test
  void signRulesAreA400() {
    String customerId = unique("cus");
    Answer zeroAdjustment = postEntry(customerId, walletEntry(unique("wal"), null, 0, "ADJUSTMENT"));
    assertThat(zeroAdjustment.status()).isEqualTo(400);
    assertThat(zeroAdjustment.errorFields()).containsExactly("amount");

    Answer negativeRecharge = postEntry(customerId, walletEntry(unique("wal"), null, -100, "RECHARGE"));
    assertThat(negativeRecharge.status()).isEqualTo(400);
    assertThat(negativeRecharge.errorFields()).containsExactlyInAnyOrder("amount", "orderId");
  }

  @Test
  void anUnknownWalletIsA404() {
    assertThat(api.get(SHOP, "/api/wallets/" + unique("cus-missing")).status()).isEqualTo(404);
  }

  private Answer purchaseAfter(CyclicBarrier start, String customerId, String orderId) {
    try {
      start.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return postEntry(customerId, walletEntry(unique("wal"), orderId, 600, "PURCHASE"));
  }

  private Answer postEntry(String customerId, Object entry) {
    return api.post(SHOP, "/api/wallets/" + customerId + "/entries", entry);
  }
}
