package org.claimdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Wallet;
import org.claimdesk.commerce.WalletEntry;
import org.claimdesk.commerce.WalletLedger;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wallet credits exactly once on PostgreSQL: one ledger entry per case step, whatever happens. */
@PostgresIntegrationTest
class PayoutWalletCreditIT {

  private static final String STEP = "wallet-credit";

  @Autowired
  Payouts payouts;

  @Autowired
  PayoutService payoutService;

  @Autowired
  OrderService orders;

  @Autowired
  WalletLedger ledger;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  JdbcClient jdbc;

  @Test
  void creditingTheSameStepTwiceRaisesTheBalanceOnce() {
    String customerId = PayoutTestData.customer(orders);
    String caseReference = PayoutTestData.caseReference();

    PayoutReceipt first = payouts.creditWallet(caseReference, STEP, customerId, Money.of(1500, "EUR"));
    PayoutReceipt again = payouts.creditWallet(caseReference, STEP, customerId, Money.of(1500, "EUR"));

    assertThat(again).isEqualTo(first);
    assertThat(first).isEqualTo(new PayoutReceipt(caseReference + ":wallet-credit", Money.of(1500, "EUR"),
        "claimdesk-" + caseReference + ":wallet-credit"));
    Wallet wallet = ledger.findWallet(customerId).orElseThrow();
    assertThat(wallet.balance()).isEqualTo(1500);
    assertThat(wallet.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.id()).isEqualTo(first.reference());
      assertThat(entry.kind()).isEqualTo(WalletEntry.Kind.ADJUSTMENT);
      assertThat(entry.source()).isEqualTo(WalletEntry.Source.CLAIMDESK);
      assertThat(entry.money()).isEqualTo(Money.of(1500, "EUR"));
    });
    Payout payout = payoutService.find(caseReference, STEP).orElseThrow();
    assertThat(payout.kind()).isEqualTo(Payout.Kind.WALLET_CREDIT);
    assertThat(payout.customerId()).isEqualTo(customerId);
    assertThat(payout.paymentId()).isNull();
    assertThat(payout.status()).isEqualTo(Payout.Status.SUCCEEDED);
    assertThat(payout.reference()).isEqualTo(first.reference());
    assertThat(payout.attempts()).isOne();
  }

  @Test
  void aCallerThatRollsBackDoesNotUndoTheCreditAndTheRerunCreditsNothingMore() {
    String customerId = PayoutTestData.customer(orders);
    String caseReference = PayoutTestData.caseReference();
    List<PayoutReceipt> firstRun = new ArrayList<>();

    assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      firstRun.add(payouts.creditWallet(caseReference, STEP, customerId, Money.of(800, "EUR")));
      throw new IllegalStateException("the engine's transaction rolls back");
    })).hasMessage("the engine's transaction rolls back");
    assertThat(ledger.balanceOf(customerId)).contains(Money.of(800, "EUR"));

    PayoutReceipt rerun = payouts.creditWallet(caseReference, STEP, customerId, Money.of(800, "EUR"));

    assertThat(rerun).isEqualTo(firstRun.get(0));
    assertThat(ledger.balanceOf(customerId)).contains(Money.of(800, "EUR"));
    assertThat(ledger.findWallet(customerId).orElseThrow().entries()).hasSize(1);
  }

  @Test
  void concurrentCreditsOfTheSameStepCreditOnce() throws Exception {
    String customerId = PayoutTestData.customer(orders);
    String caseReference = PayoutTestData.caseReference();
    CyclicBarrier start = new CyclicBarrier(4);
    Callable<PayoutReceipt> credit = () -> {
      start.await(30, TimeUnit.SECONDS);
      return payouts.creditWallet(caseReference, STEP, customerId, Money.of(2000, "EUR"));
    };

    List<Future<PayoutReceipt>> results = PayoutTestData.runTogether(List.of(credit, credit, credit, credit));

    PayoutReceipt first = results.get(0).get();
    for (Future<PayoutReceipt> result : results) {
      assertThat(result.get()).isEqualTo(first);
    }
    assertThat(ledger.balanceOf(customerId)).contains(Money.of(2000, "EUR"));
    assertThat(ledger.findWallet(customerId).orElseThrow().entries()).hasSize(1);
    assertThat(PayoutTestData.payoutRows(jdbc, caseReference)).isOne();
  }

  @Test
  void theSameStepWithAnotherAmountOrCustomerIsRefusedAndCreditsNothing() {
    String customerId = PayoutTestData.customer(orders);
    String otherCustomer = PayoutTestData.customer(orders);
    String caseReference = PayoutTestData.caseReference();
    payouts.creditWallet(caseReference, STEP, customerId, Money.of(1000, "EUR"));

    assertThatThrownBy(() -> payouts.creditWallet(caseReference, STEP, customerId, Money.of(1200, "EUR")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(caseReference + ":wallet-credit");
    assertThatThrownBy(() -> payouts.creditWallet(caseReference, STEP, otherCustomer, Money.of(1000, "EUR")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(caseReference + ":wallet-credit");

    assertThat(ledger.balanceOf(customerId)).contains(Money.of(1000, "EUR"));
    assertThat(ledger.balanceOf(otherCustomer)).isEmpty();
  }

  @Test
  void creditsThatCannotBeMadeAreRefusedBeforeAnythingIsRecorded() {
    String customerId = PayoutTestData.customer(orders);
    String caseReference = PayoutTestData.caseReference();
    payouts.creditWallet(caseReference, STEP, customerId, Money.of(1000, "EUR"));

    assertThatThrownBy(() -> payouts.creditWallet(caseReference, "credit-2", customerId, Money.of(1000, "USD")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wallet in EUR");
    assertThatThrownBy(() -> payouts.creditWallet(caseReference, "credit-3", "cus-does-not-exist", Money.of(1000, "EUR")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no customer");
    assertThatThrownBy(() -> payouts.creditWallet(caseReference, "credit-4", customerId, Money.of(-1000, "EUR")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");

    assertThat(PayoutTestData.payoutRows(jdbc, caseReference)).isOne();
    assertThat(ledger.balanceOf(customerId)).contains(Money.of(1000, "EUR"));
  }
}
