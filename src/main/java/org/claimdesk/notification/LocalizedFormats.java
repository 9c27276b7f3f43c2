package org.claimdesk.notification;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.claimdesk.commerce.Money;

/**
 * Dates and amounts as a customer reads them in English or French: {@code 21 November 2026,
 * 14:30 UTC} / {@code 21 novembre 2026 à 14:30 UTC}, {@code 1,234.50 EUR} / {@code 1 234,50 EUR}
 * (no-break space between thousands). Times are shown in UTC, which the text says: a case does
 * not know the customer's time zone.
 *
 * <p>Public so that documents written outside this package (the resolution document of a payment
 * investigation, PD-6) show dates and amounts exactly as the customer's emails do.
 */
public final class LocalizedFormats {

  static final Locale ENGLISH = Locale.ENGLISH;
  static final Locale FRENCH = Locale.FRENCH;

  private static final DateTimeFormatter ENGLISH_DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", ENGLISH);
  /** French writes the first day of a month "1er"; the day is therefore put in by hand. */
  private static final DateTimeFormatter FRENCH_MONTH_YEAR_TIME =
      DateTimeFormatter.ofPattern("MMMM uuuu 'à' HH:mm 'UTC'", FRENCH);

  private final boolean french;

  private LocalizedFormats(boolean french) {
    this.french = french;
  }

  /** French for a French locale ({@code fr}, {@code fr_CA}, ...), English for anything else or none. */
  public static Locale supportedLanguage(Locale requested) {
    return requested != null && FRENCH.getLanguage().equals(requested.getLanguage()) ? FRENCH : ENGLISH;
  }

  public static LocalizedFormats of(Locale language) {
    return new LocalizedFormats(supportedLanguage(language) == FRENCH);
  }

  public String dateTime(Instant instant) {
    ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
    if (!french) {
      return ENGLISH_DATE_TIME.format(utc);
    }
    int day = utc.getDayOfMonth();
    return (day == 1 ? "1er" : Integer.toString(day)) + " " + FRENCH_MONTH_YEAR_TIME.format(utc);
  }

  public String money(Money money) {
    int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setDecimalSeparator(french ? ',' : '.');
    symbols.setGroupingSeparator(french ? '\u00a0' : ',');
    symbols.setMinusSign('-');
    DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), symbols);
    return format.format(BigDecimal.valueOf(money.amount(), digits)) + " " + money.currencyCode();
  }
}
