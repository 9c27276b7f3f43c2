package org.claimdesk.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The service calendars ({@code claimdesk.calendar}): which profiles have one, and the calendar a
 * profile starts with. The first time a profile's calendar is asked for and none is stored, this
 * default is stored as its version 1 ({@link ServiceCalendars}); after that only managers' edits
 * change it, so a change here reaches no profile that already has a stored calendar.
 *
 * @param profiles the profile keys that have a calendar: the policy profiles ({@code standard},
 *     {@code strict}, see {@code claimdesk.policy.profile}); a group's own calendar would be one more key
 * @param zone the zone of the default working hours, e.g. {@code Europe/Paris}
 * @param weeklyHours per weekday, stretches {@code "09:00-18:00"}; a weekday left out is closed
 * @param country ISO 3166 alpha-2 code whose public holidays count, e.g. {@code FR}; empty for none
 * @param subdivision the holiday library's code of a region of {@code country}; empty for none
 * @param closures whole days the merchant is closed, e.g. {@code 2026-12-24}
 */
@Validated
@ConfigurationProperties("claimdesk.calendar")
public record CalendarProperties(
    @NotEmpty List<@Pattern(regexp = ServiceCalendars.PROFILE_KEY) String> profiles,
    @NotNull ZoneId zone,
    @NotEmpty Map<DayOfWeek, List<String>> weeklyHours,
    String country,
    String subdivision,
    List<LocalDate> closures) {

  public CalendarProperties {
    profiles = profiles == null ? List.of() : List.copyOf(profiles);
    weeklyHours = weeklyHours == null ? Map.of() : Map.copyOf(weeklyHours);
    closures = closures == null ? List.of() : List.copyOf(closures);
  }

  /** The default calendar as a definition. */
  CalendarDefinition definition() {
    Map<DayOfWeek, List<WorkingHours>> hours = new java.util.EnumMap<>(DayOfWeek.class);
    weeklyHours.forEach((day, ranges) -> hours.put(day, ranges.stream().map(WorkingHours::parse).toList()));
    return new CalendarDefinition(zone, hours, country, subdivision, closures.stream().map(Closure::day).toList());
  }
}
