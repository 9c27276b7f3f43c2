package org.claimdesk.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTest {

  private static final Money TEN_EUR = Money.of(1000, "EUR");

  @Test
  void addsAndSubtractsInMinorUnits() {
    assertThat(TEN_EUR.plus(Money.of(250, "EUR"))).isEqualTo(Money.of(1250, "EUR"));
    assertThat(TEN_EUR.minus(Money.of(1250, "EUR"))).isEqualTo(Money.of(-250, "EUR"));
    assertThat(TEN_EUR.negate()).isEqualTo(Money.of(-1000, "EUR"));
  }

  @Test
  void refusesToMixCurrencies() {
    Money dollars = Money.of(1000, "USD");
    assertThatThrownBy(() -> TEN_EUR.plus(dollars)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EUR").hasMessageContaining("USD");
    assertThatThrownBy(() -> TEN_EUR.minus(dollars)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TEN_EUR.isGreaterThan(dollars)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failsOnOverflowInsteadOfWrapping() {
    Money max = new Money(Long.MAX_VALUE, Currency.getInstance("EUR"));
    assertThatThrownBy(() -> max.plus(Money.of(1, "EUR"))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> new Money(Long.MIN_VALUE, Currency.getInstance("EUR")).negate())
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void tellsSignAndOrder() {
    assertThat(TEN_EUR.isPositive()).isTrue();
    assertThat(TEN_EUR.negate().isNegative()).isTrue();
    assertThat(Money.zero(Currency.getInstance("EUR")).isZero()).isTrue();
    assertThat(TEN_EUR.isGreaterThan(Money.of(999, "EUR"))).isTrue();
    assertThat(TEN_EUR.isLessThan(Money.of(1001, "EUR"))).isTrue();
    assertThat(TEN_EUR.compareTo(Money.of(1000, "EUR"))).isZero();
  }

  @Test
  void acceptsOnlyKnownUpperCaseIsoCodes() {
    assertThat(Money.isCurrencyCode("EUR")).isTrue();
    assertThat(Money.isCurrencyCode("JPY")).isTrue();
    assertThat(Money.isCurrencyCode("eur")).isFalse();
    assertThat(Money.isCurrencyCode("EU")).isFalse();
    assertThat(Money.isCurrencyCode("ZZZ")).isFalse();
    assertThat(Money.isCurrencyCode(null)).isFalse();
    assertThatThrownBy(() -> Money.of(1, "ZZZ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void printsWithTheCurrencysMinorUnits() {
    assertThat(Money.of(1999, "EUR")).hasToString("19.99 EUR");
    assertThat(Money.of(-5, "EUR")).hasToString("-0.05 EUR");
    assertThat(Money.of(500, "JPY")).hasToString("500 JPY");
    assertThat(Money.of(1234, "BHD")).hasToString("1.234 BHD");
  }
}
