package org.claimdesk.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * The public holidays of a country, and optionally of one of its subdivisions (a region, a
 * département, a state), from the Jollyday library (de.focus-shift:jollyday): only holidays of type
 * {@code PUBLIC_HOLIDAY}, on the day they are observed. Each year is computed once and kept.
 */
public final class PublicHolidays {

  /** A calendar without public holidays (only the merchant's closures count). */
  public static final PublicHolidays NONE = new PublicHolidays(null, null);

  private static final Map<String, PublicHolidays> BY_PLACE = new ConcurrentHashMap<>();

  private final String country;
  private final String subdivision;
  private final Map<Integer, Set<LocalDate>> years = new ConcurrentHashMap<>();

  private PublicHolidays(String country, String subdivision) {
    this.country = country;
    this.subdivision = subdivision;
  }

  /**
   * The holidays of {@code country} (ISO 3166 alpha-2, e.g. {@code FR}) and, when not null or
   * blank, of its subdivision (Jollyday's code, e.g. {@code 57} for Moselle, {@code BY} for Bavaria).
   *
   * @throws IllegalArgumentException when Jollyday knows no such country or subdivision
   */
  public static PublicHolidays of(String country, String subdivision) {
    if (country == null || country.isBlank()) {
      return NONE;
    }
    String code = country.trim().toUpperCase(Locale.ROOT);
    if (!isKnownCountry(code)) {
      throw new IllegalArgumentException("no public holidays are known for country " + country);
    }
    String sub = null;
    if (subdivision != null && !subdivision.isBlank()) {
      sub = subdivisionKey(code, subdivision)
          .orElseThrow(() -> new IllegalArgumentException("country " + country + " has no subdivision " + subdivision));
    }
    String place = sub;
    return BY_PLACE.computeIfAbsent(code + "/" + (place == null ? "" : place), key -> new PublicHolidays(code, place));
  }

  /** Whether the holiday library knows {@code country} (case does not matter). */
  public static boolean isKnownCountry(String country) {
    return country != null && HolidayManager.getSupportedCalendarCodes()
        .contains(country.trim().toUpperCase(Locale.ROOT));
  }

  /** Whether {@code subdivision} is one of the (first-level) subdivisions of a known country. */
  public static boolean isKnownSubdivision(String country, String subdivision) {
    return isKnownCountry(country) && subdivision != null
        && subdivisionKey(country.trim().toUpperCase(Locale.ROOT), subdivision).isPresent();
  }

  /** The library's own spelling of a subdivision code ({@code 2A}, {@code 69M}), whatever the case. */
  private static Optional<String> subdivisionKey(String country, String subdivision) {
    return manager(country).getCalendarHierarchy().getChildren().keySet().stream()
        .filter(key -> key.equalsIgnoreCase(subdivision.trim()))
        .findFirst();
  }

  public boolean isHoliday(LocalDate date) {
    if (country == null) {
      return false;
    }
    // A holiday observed on another day may fall into the year before (1 January observed on
    // 31 December): both years are asked.
    return years.computeIfAbsent(date.getYear(), this::holidaysOf).contains(date)
        || years.computeIfAbsent(date.getYear() + 1, this::holidaysOf).contains(date);
  }

  private Set<LocalDate> holidaysOf(int year) {
    HolidayManager manager = manager(country);
    Set<Holiday> holidays = subdivision == null
        ? manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)
        : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivision);
    return holidays.stream().map(Holiday::getActualDate).collect(Collectors.toUnmodifiableSet());
  }

  private static HolidayManager manager(String code) {
    return HolidayManager.getInstance(ManagerParameters.create(code));
  }

  @Override
  public String toString() {
    return country == null ? "no public holidays" : country + (subdivision == null ? "" : "/" + subdivision);
  }
}
