package org.claimdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.Payment;
import org.claimdesk.payment.ProcessorRefusedException.Reason;
import org.claimdesk.payment.SandboxRefundRepository.SandboxRefund;
import org.junit.jupiter.api.Test;

/** The sandbox processor's rules, as a Stripe-like processor applies them. */
class SandboxRulesTest {

  private static final Instant T = Instant.parse("2025-05-01T10:00:00Z");

  private static Payment charge(Payment.Status status) {
    return new Payment("pay-1", "ord-1", "pi_1", 5000L, "EUR", T, status);
  }

  @Test
  void aRefundUpToWhatIsLeftOnTheChargeIsAccepted() {
    assertThatCode(() -> SandboxPaymentProcessor.requireRefundable(charge(Payment.Status.CAPTURED),
        Money.of(3000, "EUR"), Money.of(2000, "EUR"))).doesNotThrowAnyException();
  }

  @Test
  void aRefundAboveWhatIsLeftIsRefused() {
    assertThatThrownBy(() -> SandboxPaymentProcessor.requireRefundable(charge(Payment.Status.CAPTURED),
        Money.of(3000, "EUR"), Money.of(2001, "EUR")))
        .isInstanceOfSatisfying(ProcessorRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.AMOUNT_EXCEEDS_CHARGE))
        .hasMessageContaining("20.00 EUR is left");
  }

  @Test
  void aChargeThatWasNotCapturedOrIsInAnotherCurrencyIsRefused() {
    assertThatThrownBy(() -> SandboxPaymentProcessor.requireRefundable(charge(Payment.Status.FAILED),
        Money.of(0, "EUR"), Money.of(100, "EUR")))
        .isInstanceOfSatisfying(ProcessorRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CHARGE_NOT_CAPTURED));
    assertThatThrownBy(() -> SandboxPaymentProcessor.requireRefundable(charge(Payment.Status.CAPTURED),
        Money.of(0, "EUR"), Money.of(100, "USD")))
        .isInstanceOfSatisfying(ProcessorRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CURRENCY_MISMATCH));
  }

  @Test
  void aRepeatedKeyAnswersTheStoredRefundOnlyForTheSameChargeAndAmount() {
    SandboxRefund stored = new SandboxRefund("re_1", "CD-1:refund", "pi_1", Money.of(2000, "EUR"),
        ProcessorRefund.Status.SUCCEEDED, T);

    assertThat(SandboxPaymentProcessor.replay(stored,
        new RefundInstruction("CD-1:refund", "pi_1", Money.of(2000, "EUR"), "again")))
        .isEqualTo(new ProcessorRefund("re_1", "pi_1", Money.of(2000, "EUR"), ProcessorRefund.Status.SUCCEEDED));
    for (RefundInstruction other : new RefundInstruction[] {
        new RefundInstruction("CD-1:refund", "pi_1", Money.of(2001, "EUR"), "other amount"),
        new RefundInstruction("CD-1:refund", "pi_2", Money.of(2000, "EUR"), "other charge")}) {
      assertThatThrownBy(() -> SandboxPaymentProcessor.replay(stored, other))
          .isInstanceOfSatisfying(ProcessorRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED))
          .hasMessageContaining("CD-1:refund");
    }
  }
}
