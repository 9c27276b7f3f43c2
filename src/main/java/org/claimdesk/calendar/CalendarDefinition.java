package org.claimdesk.calendar;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a manager sets for a service calendar, as stored per version: the time zone the working
 * hours are in, the working hours of each weekday (zero or more stretches a day, e.g. a lunch
 * break as {@code 09:00-12:30, 13:30-18:00}; a day without stretches is closed), the country (and
 * optionally the subdivision) whose public holidays close the office, and the merchant's own
 * closures.
 *
 * @param zone the zone of the working hours and closures, e.g. {@code Europe/Paris}
 * @param weeklyHours per weekday, its stretches in order, not overlapping; at least one in the week
 * @param country ISO 3166 alpha-2 code whose public holidays count, or null for none
 * @param subdivision the holiday library's code of a region of {@code country}, or null
 * @param closures the merchant's own closed days and hours
 */
public record CalendarDefinition(ZoneId zone, Map<DayOfWeek, List<WorkingHours>> weeklyHours, String country,
    String subdivision, List<Closure> closures) {

  public CalendarDefinition {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(weeklyHours, "weeklyHours");
    EnumMap<DayOfWeek, List<WorkingHours>> days = new EnumMap<>(DayOfWeek.class);
    boolean anyHours = false;
    for (DayOfWeek day : DayOfWeek.values()) {
      List<WorkingHours> hours = new ArrayList<>(weeklyHours.getOrDefault(day, List.of()));
      hours.sort(Comparator.comparing(WorkingHours::fromSecond));
      for (int i = 1; i < hours.size(); i++) {
        if (hours.get(i).fromSecond() < hours.get(i - 1).toSecond()) {
          throw new IllegalArgumentException(day + ": " + hours.get(i) + " overlaps " + hours.get(i - 1));
        }
      }
      anyHours |= !hours.isEmpty();
      days.put(day, List.copyOf(hours));
    }
    if (!anyHours) {
      throw new IllegalArgumentException("a calendar needs working hours on at least one weekday");
    }
    weeklyHours = java.util.Collections.unmodifiableMap(days);
    country = country == null || country.isBlank() ? null : country.trim().toUpperCase(java.util.Locale.ROOT);
    subdivision = subdivision == null || subdivision.isBlank() ? null : subdivision.trim();
    if (subdivision != null && country == null) {
      throw new IllegalArgumentException("a subdivision needs a country");
    }
    closures = closures == null ? List.of() : List.copyOf(closures);
  }

  /** The working hours of {@code day}, in order; empty when the office is closed that weekday. */
  public List<WorkingHours> hoursOn(DayOfWeek day) {
    return weeklyHours.get(day);
  }
}
