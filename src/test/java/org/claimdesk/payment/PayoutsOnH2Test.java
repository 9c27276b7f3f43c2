package org.claimdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.commerce.WalletLedger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The embedded default's money movement: the migration and every statement of the payouts and
 * the sandbox processor on H2. (The same set-up as {@code DemoMerchantDataOnH2Test}, so the two
 * share one application context.)
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:commerce;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
class PayoutsOnH2Test {

  @Autowired
  Payouts payouts;

  @Autowired
  PayoutService payoutService;

  @Autowired
  PaymentProcessor processor;

  @Autowired
  OrderService orders;

  @Autowired
  PaymentService payments;

  @Autowired
  WalletLedger ledger;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theEmbeddedDefaultRefundsThroughTheSandboxOnce() {
    assertThat(processor).isInstanceOf(SandboxPaymentProcessor.class);
    Payment payment = PayoutTestData.capturedPayment(orders, payments, 5000);
    String caseReference = PayoutTestData.caseReference();

    PayoutReceipt first = payouts.refundPayment(caseReference, "refund", payment.id(), Money.of(3000, "EUR"));
    PayoutReceipt again = payouts.refundPayment(caseReference, "refund", payment.id(), Money.of(3000, "EUR"));

    assertThat(again).isEqualTo(first);
    assertThat(first.idempotencyKey()).isEqualTo(caseReference + ":refund");
    assertThat(PayoutTestData.sandboxRefunds(jdbc, "charge_reference", payment.processorReference())).isOne();
    assertThat(payoutService.find(caseReference, "refund")).get().satisfies(payout -> {
      assertThat(payout.status()).isEqualTo(Payout.Status.SUCCEEDED);
      assertThat(payout.reference()).isEqualTo(first.reference());
      assertThat(payout.attempts()).isOne();
    });
    assertThatThrownBy(() -> payouts.refundPayment(caseReference, "refund-2", payment.id(), Money.of(2001, "EUR")))
        .isInstanceOfSatisfying(ProcessorRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(ProcessorRefusedException.Reason.AMOUNT_EXCEEDS_CHARGE));
    assertThat(payoutService.find(caseReference, "refund-2")).get().satisfies(payout -> {
      assertThat(payout.status()).isEqualTo(Payout.Status.PENDING);
      assertThat(payout.lastError()).contains("AMOUNT_EXCEEDS_CHARGE");
    });
  }

  @Test
  void theEmbeddedDefaultCreditsAWalletOnce() {
    String customerId = PayoutTestData.customer(orders);
    String caseReference = PayoutTestData.caseReference();

    PayoutReceipt first = payouts.creditWallet(caseReference, "credit", customerId, Money.of(1500, "EUR"));
    PayoutReceipt again = payouts.creditWallet(caseReference, "credit", customerId, Money.of(1500, "EUR"));

    assertThat(again).isEqualTo(first);
    assertThat(first.reference()).isEqualTo("claimdesk-" + caseReference + ":credit");
    assertThat(ledger.balanceOf(customerId)).contains(Money.of(1500, "EUR"));
  }
}
