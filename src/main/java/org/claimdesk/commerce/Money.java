package org.claimdesk.commerce;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: integer minor units (cents for EUR, yen for JPY) in one ISO 4217
 * currency. Never a {@code double}. Arithmetic and comparisons refuse to mix currencies and
 * fail on {@code long} overflow instead of wrapping around.
 *
 * <p>JSON stays flat on the records ({@code "amount": 1999, "currency": "EUR"}); use
 * {@link #of(long, String)} to turn such a pair into a {@code Money}.
 */
public record Money(long amount, Currency currency) implements Comparable<Money> {

  public Money {
    Objects.requireNonNull(currency, "currency");
  }

  /** Money from a flat pair, e.g. {@code Money.of(1999, "EUR")}; rejects unknown currency codes. */
  public static Money of(long amount, String currencyCode) {
    return new Money(amount, currency(currencyCode));
  }

  /**
   * Money typed by a person in major units ({@code 45.5} EUR becomes 4550); refuses more decimals
   * than the currency has.
   *
   * @throws IllegalArgumentException with a message a person can act on
   */
  public static Money ofMajorUnits(Number major, Currency currency) {
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    try {
      long minor = new BigDecimal(major.toString()).setScale(digits, java.math.RoundingMode.UNNECESSARY)
          .movePointRight(digits).longValueExact();
      return new Money(minor, currency);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("An amount in " + currency.getCurrencyCode() + " has at most " + digits
          + " decimals: " + major);
    }
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /** The ISO 4217 currency for a code of three upper-case letters. */
  public static Currency currency(String code) {
    if (!isCurrencyCode(code)) {
      throw new IllegalArgumentException("Not an ISO 4217 currency code: " + code);
    }
    return Currency.getInstance(code);
  }

  /** Whether {@code code} is a known ISO 4217 currency code written as three upper-case letters. */
  public static boolean isCurrencyCode(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(amount, other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(amount, other.amount), currency);
  }

  public Money negate() {
    return new Money(Math.negateExact(amount), currency);
  }

  public boolean isPositive() {
    return amount > 0;
  }

  public boolean isNegative() {
    return amount < 0;
  }

  public boolean isZero() {
    return amount == 0;
  }

  public boolean hasSameCurrency(Money other) {
    return currency.equals(other.currency);
  }

  /** Orders two amounts of the same currency; comparing across currencies is an error. */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(amount, other.amount);
  }

  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  private void requireSameCurrency(Money other) {
    Objects.requireNonNull(other, "other");
    if (!hasSameCurrency(other)) {
      throw new IllegalArgumentException(
          "Currency mismatch: " + currencyCode() + " and " + other.currencyCode());
    }
  }

  /** For people and logs: {@code "19.99 EUR"}, using the currency's minor-unit digits. */
  @Override
  public String toString() {
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    return BigDecimal.valueOf(amount, digits).toPlainString() + " " + currencyCode();
  }
}
