package org.claimdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.claimdesk.commerce.ShopId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The idempotency key of a payout and the wallet entry id derived from it. */
class PayoutKeyTest {

  @Test
  void theKeyIsTheCaseReferenceAndTheStep() {
    PayoutKey key = new PayoutKey("CD-7K2M9QXA", "refund");

    assertThat(key.value()).isEqualTo("CD-7K2M9QXA:refund");
    assertThat(key).hasToString("CD-7K2M9QXA:refund");
    assertThat(key).isEqualTo(new PayoutKey("CD-7K2M9QXA", "refund"));
  }

  @Test
  void theWalletEntryIdIsAValidShopIdEvenForTheLongestParts() {
    String longest = "A".repeat(PayoutKey.MAX_PART_LENGTH);
    PayoutKey key = new PayoutKey(longest, "b".repeat(PayoutKey.MAX_PART_LENGTH));

    assertThat(key.walletEntryId()).startsWith("claimdesk-").endsWith(key.value());
    assertThat(key.walletEntryId()).hasSizeLessThanOrEqualTo(ShopId.MAX_LENGTH);
    assertThat(ShopId.Rule.matches(key.walletEntryId())).isTrue();
    assertThat(new PayoutKey("CD-7K2M9QXA", "wallet-credit").walletEntryId())
        .isEqualTo("claimdesk-CD-7K2M9QXA:wallet-credit");
  }

  @Test
  void differentCasesAndStepsNeverShareAKey() {
    // Without ':' in either part, "a:b" + "c" and "a" + "b:c" cannot both exist.
    assertThat(new PayoutKey("CD-1", "a-refund").value()).isNotEqualTo(new PayoutKey("CD-1-a", "refund").value());
    assertThatThrownBy(() -> new PayoutKey("CD-1:a", "refund")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"CD:1", "-CD1", "CD 1", "CD/1", "ÉCD1", "1234567890123456789012345"})
  void aMalformedCaseReferenceIsRefused(String caseReference) {
    assertThatThrownBy(() -> new PayoutKey(caseReference, "refund"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("caseReference must be");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"refund:2", ".refund", "re fund", "refund\n", "abcdefghijklmnopqrstuvwxy"})
  void aMalformedStepIsRefused(String step) {
    assertThatThrownBy(() -> new PayoutKey("CD-7K2M9QXA", step))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("step must be")
        .hasMessageNotContaining("\n");
  }
}
