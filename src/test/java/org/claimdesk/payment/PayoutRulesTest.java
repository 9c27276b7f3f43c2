package org.claimdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.claimdesk.commerce.Money;
import org.junit.jupiter.api.Test;

/** The plain rules of a payout record: one instruction per key, receipts, stored error texts. */
class PayoutRulesTest {

  private static final Instant T = Instant.parse("2025-05-01T10:00:00Z");
  private static final PayoutKey KEY = new PayoutKey("CD-7K2M9QXA", "refund");

  private static Payout refund(String paymentId, Money amount) {
    return Payout.pending(KEY, Payout.Kind.REFUND, paymentId, null, amount, T);
  }

  @Test
  void theSameInstructionUnderTheSameKeyIsAccepted() {
    Payout stored = refund("pay-1", Money.of(4000, "EUR"));

    assertThatCode(() -> stored.requireSameInstructionAs(refund("pay-1", Money.of(4000, "EUR"))))
        .doesNotThrowAnyException();
  }

  @Test
  void anotherAmountPaymentCurrencyOrKindUnderTheSameKeyIsRefusedNamingTheKey() {
    Payout stored = refund("pay-1", Money.of(4000, "EUR"));

    for (Payout other : new Payout[] {
        refund("pay-1", Money.of(4001, "EUR")),
        refund("pay-2", Money.of(4000, "EUR")),
        refund("pay-1", Money.of(4000, "USD")),
        Payout.pending(KEY, Payout.Kind.WALLET_CREDIT, null, "cus-1", Money.of(4000, "EUR"), T)}) {
      assertThatThrownBy(() -> stored.requireSameInstructionAs(other))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("CD-7K2M9QXA:refund")
          .hasMessageContaining("40.00 EUR on payment pay-1");
    }
  }

  @Test
  void onlyASucceededPayoutHasAReceipt() {
    Payout pending = refund("pay-1", Money.of(4000, "EUR"));
    Payout succeeded = new Payout(KEY, Payout.Kind.REFUND, "pay-1", null, Money.of(4000, "EUR"),
        Payout.Status.SUCCEEDED, "re_1", 1, null, T, T);

    assertThat(pending.receipt()).isEmpty();
    assertThat(succeeded.receipt()).contains(
        new PayoutReceipt("CD-7K2M9QXA:refund", Money.of(4000, "EUR"), "re_1"));
  }

  @Test
  void theStoredErrorIsOneShortLineWithTheExceptionsName() {
    String error = PayoutService.shortError(new IllegalStateException("processor\n  timed out\tafter 30 s"));

    assertThat(error).isEqualTo("IllegalStateException: processor timed out after 30 s");
    assertThat(PayoutService.shortError(new NullPointerException())).isEqualTo("NullPointerException");
    String longError = PayoutService.shortError(new RuntimeException("x".repeat(2000)));
    assertThat(longError).hasSize(PayoutService.MAX_ERROR_LENGTH).endsWith("...");
  }

  @Test
  void theStoredErrorBlanksOutCardNumbersAndApiKeys() {
    String error = PayoutService.shortError(new RuntimeException(
        "card 4242 4242 4242 4242 and 5555555555554444 declined for key sk_live_abc123XYZ; refund 9000"));

    assertThat(error)
        .doesNotContain("4242", "5555555555554444", "sk_live_abc123XYZ")
        .contains("[redacted]", "refund 9000");
  }
}
