package org.claimdesk.refund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.claimdesk.commerce.Money;

/** Money as staff type and read it in forms: major units with the currency's decimals. */
final class MoneyText {

  private MoneyText() {
  }

  /** {@code 4550 EUR} becomes {@code 45.50 EUR}. */
  static String format(Money money) {
    int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
    return BigDecimal.valueOf(money.amount(), digits).toPlainString() + " " + money.currencyCode();
  }

  /**
   * A form's number (45.5) as minor units (4550); refuses more decimals than the currency has.
   *
   * @throws IllegalArgumentException with a message for the form
   */
  static long toMinorUnits(Number major, Currency currency) {
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    BigDecimal value = new BigDecimal(major.toString());
    try {
      return value.setScale(digits, RoundingMode.UNNECESSARY).movePointRight(digits).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("An amount in " + currency.getCurrencyCode() + " has at most " + digits
          + " decimals: " + major);
    }
  }
}
