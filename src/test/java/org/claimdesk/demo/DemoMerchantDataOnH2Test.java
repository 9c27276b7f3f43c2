package org.claimdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.commerce.Wallet;
import org.claimdesk.commerce.WalletLedger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The embedded default: the whole application starts on an in-memory H2 with the demo
 * profile, the migration runs on H2 and the demo merchant data is there, read through the
 * services the processes use.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:commerce;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class DemoMerchantDataOnH2Test {

  @Autowired
  OrderService orders;

  @Autowired
  PaymentService payments;

  @Autowired
  WalletLedger wallets;

  @Autowired
  DemoMerchantData demoData;

  @Test
  void demoOrdersOfEveryProductTypeAreReadable() {
    assertThat(orders.findOrder("ord-service-rendered-3d")).get()
        .satisfies(order -> {
          assertThat(order.productType()).isEqualTo(Order.ProductType.SERVICE);
          assertThat(order.serviceStatus()).isEqualTo(Order.ServiceStatus.RENDERED);
          assertThat(order.customer().id()).isEqualTo("cus-marie");
          assertThat(order.money()).isEqualTo(Money.of(9000, "EUR"));
        });
    assertThat(orders.findOrder("ord-digital-booked-1d").map(Order::productType)).contains(Order.ProductType.DIGITAL);
    assertThat(orders.findOrder("ord-sub-paid-3d").map(Order::productType)).contains(Order.ProductType.SUBSCRIPTION);
    assertThat(orders.findOrder("ord-recharge-80h").map(Order::productType)).contains(Order.ProductType.WALLET_RECHARGE);
    assertThat(payments.paymentsOfOrder("ord-dup-charge")).hasSize(2);
  }

  @Test
  void demoWalletHoldsRechargeMinusPurchase() {
    Optional<Wallet> wallet = wallets.findWallet("cus-marie");
    assertThat(wallet).get().satisfies(w -> {
      assertThat(w.balance()).isEqualTo(10000 - 2500);
      assertThat(w.currency()).isEqualTo("EUR");
      assertThat(w.entries()).extracting(e -> e.id()).containsExactly("wal-marie-recharge", "wal-marie-purchase");
    });
    assertThat(wallets.balanceOf("cus-marie")).contains(Money.of(7500, "EUR"));
    assertThat(wallets.findRechargeCredit("ord-recharge-80h")).isEmpty();
    assertThat(wallets.findRechargeCredit("ord-recharge-credited")).isPresent();
  }

  @Test
  void everyRecordWasCreatedAtStartAndSeedingAgainChangesNothing() {
    long entriesBefore = wallets.findWallet("cus-marie").orElseThrow().entries().size();

    // Nothing left to create and nothing failing means the start created every record.
    assertThat(demoData.seed()).isEqualTo(new DemoMerchantData.Seeding(0, 0));
    assertThat(wallets.findWallet("cus-marie").orElseThrow().entries()).hasSize((int) entriesBefore);
    assertThat(wallets.balanceOf("cus-marie")).contains(Money.of(7500, "EUR"));
  }
}
