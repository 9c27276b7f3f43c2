package org.claimdesk.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A service calendar: when the staff of a merchant profile work, and so how staff-side deadlines
 * are counted (issue #26). Immutable; pure {@code java.time}, no database.
 *
 * <p><b>Business time.</b> A deadline of N hours on a calendar is N <em>working</em> hours: the
 * clock runs only inside the weekday's working hours, and not on the country's public holidays
 * nor in the merchant's closures. The SL-1 service level (a reply within 24-48 hours) is read that
 * way: the follow-up after 24 h ({@code claimdesk.service-levels.first-reply-follow-up}) and the
 * first reply due after 48 h ({@code first-reply-due}) are 24 and 48 working hours. With 9-hour
 * days (Mon-Fri 09:00-18:00) 24 working hours are 2 days and 6 hours of work, about 2.7 working
 * days, not one calendar day. Example: a claim filed on Friday 3 April 2026 at 18:00 in Paris,
 * before Easter Monday, gets its 24 h follow-up on Thursday 9 April at 15:00 (Tuesday 9 h, Wednesday
 * 9 h, Thursday 6 h).
 *
 * <p><b>Local hours.</b> Working hours and closures are in the calendar's zone: a working day is
 * its local hours on the days the clocks change (Europe/Paris on the last Sundays of March and
 * October), so 09:00-18:00 stays 9 working hours, whatever the UTC offset.
 *
 * <p><b>Edges.</b> Working hours run from their start (inclusive) to their end (exclusive). Time
 * added from a start outside working hours begins at the next opening; a deadline that uses up a
 * day's last working minute falls on the closing time itself (18:00, not the next morning).
 */
public final class ServiceCalendar {

  /** How far ahead a calculation looks for working time before it gives up (ten years). */
  private static final int MAX_DAYS = 3_660;

  private final int version;
  private final CalendarDefinition definition;
  private final PublicHolidays holidays;
  private final Set<LocalDate> closedDays;
  private final List<Interval> closedRanges;

  /**
   * @param version the version of the profile's calendar this is (1, 2, ...)
   * @param definition zone, hours, country and closures
   * @param holidays the public holidays that close the office
   */
  public ServiceCalendar(int version, CalendarDefinition definition, PublicHolidays holidays) {
    this.version = version;
    this.definition = Objects.requireNonNull(definition, "definition");
    this.holidays = Objects.requireNonNull(holidays, "holidays");
    Set<LocalDate> days = new HashSet<>();
    List<Interval> ranges = new ArrayList<>();
    for (Closure closure : definition.closures()) {
      if (closure.isWholeDay()) {
        days.add(closure.date());
      } else {
        ranges.add(new Interval(instant(closure.start()), instant(closure.end())));
      }
    }
    ranges.sort(Comparator.comparing(Interval::from));
    this.closedDays = Set.copyOf(days);
    this.closedRanges = List.copyOf(ranges);
  }

  /** The calendar {@code definition} with its country's (and subdivision's) public holidays. */
  public static ServiceCalendar of(int version, CalendarDefinition definition) {
    return new ServiceCalendar(version, definition,
        PublicHolidays.of(definition.country(), definition.subdivision()));
  }

  public int version() {
    return version;
  }

  public CalendarDefinition definition() {
    return definition;
  }

  public ZoneId zone() {
    return definition.zone();
  }

  /**
   * The instant at which {@code businessDuration} of working time has passed since {@code start}.
   * From a start outside working hours the count begins at the next opening; a zero duration
   * gives {@code start} when open, else the next opening.
   *
   * @throws IllegalArgumentException when the duration is negative
   * @throws IllegalStateException when the calendar has no working time for ten years
   */
  public Instant addBusinessTime(Instant start, Duration businessDuration) {
    Objects.requireNonNull(start, "start");
    if (businessDuration.isNegative()) {
      throw new IllegalArgumentException("business duration is negative: " + businessDuration);
    }
    Duration remaining = businessDuration;
    LocalDate day = start.atZone(zone()).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      for (Interval open : openOn(day)) {
        Instant from = open.from().isBefore(start) ? start : open.from();
        if (!from.isBefore(open.to())) {
          continue;
        }
        Duration available = Duration.between(from, open.to());
        if (remaining.compareTo(available) <= 0) {
          return from.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
    }
    throw new IllegalStateException("calendar version " + version + " has no working time within "
        + MAX_DAYS + " days of " + start);
  }

  /**
   * The working time between {@code from} and {@code to}; negative when {@code to} is before
   * {@code from}.
   */
  public Duration businessTimeBetween(Instant from, Instant to) {
    if (to.isBefore(from)) {
      return businessTimeBetween(to, from).negated();
    }
    Duration total = Duration.ZERO;
    LocalDate last = to.atZone(zone()).toLocalDate();
    for (LocalDate day = from.atZone(zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
      for (Interval open : openOn(day)) {
        Instant start = open.from().isBefore(from) ? from : open.from();
        Instant end = open.to().isAfter(to) ? to : open.to();
        if (start.isBefore(end)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  /** Whether {@code instant} is inside working hours (and on no holiday, in no closure). */
  public boolean isOpen(Instant instant) {
    for (Interval open : openOn(instant.atZone(zone()).toLocalDate())) {
      if (!instant.isBefore(open.from()) && instant.isBefore(open.to())) {
        return true;
      }
    }
    return false;
  }

  /** {@code instant} itself when open, else the next instant working hours begin. */
  public Instant nextOpening(Instant instant) {
    return addBusinessTime(instant, Duration.ZERO);
  }

  /**
   * The paused-clock rule: the deadline {@code businessDuration} after {@code start} when the clock
   * stops during {@code pauses} (while the case waits for the customer). See {@link PausedClock}.
   */
  public Instant deadlineWithPauses(Instant start, Duration businessDuration, List<Interval> pauses) {
    return new PausedClock(this).deadline(start, businessDuration, pauses);
  }

  /** Whether {@code date} is a public holiday or a whole-day closure of this calendar. */
  public boolean isClosedAllDay(LocalDate date) {
    return closedDays.contains(date) || holidays.isHoliday(date) || definition.hoursOn(date.getDayOfWeek()).isEmpty();
  }

  /** The working stretches of a local date as instants, in order, closures taken out. */
  List<Interval> openOn(LocalDate day) {
    if (isClosedAllDay(day)) {
      return List.of();
    }
    List<Interval> open = new ArrayList<>();
    for (WorkingHours hours : definition.hoursOn(day.getDayOfWeek())) {
      Instant from = instant(day.atTime(hours.from()));
      Instant to = hours.toSecond() == 86_400 ? instant(day.plusDays(1).atStartOfDay()) : instant(day.atTime(hours.to()));
      if (from.isBefore(to)) {
        open.addAll(withoutClosures(new Interval(from, to)));
      }
    }
    return open;
  }

  private List<Interval> withoutClosures(Interval open) {
    List<Interval> pieces = List.of(open);
    for (Interval closed : closedRanges) {
      if (!closed.from().isBefore(open.to())) {
        break;
      }
      if (!closed.to().isAfter(open.from())) {
        continue;
      }
      List<Interval> next = new ArrayList<>();
      for (Interval piece : pieces) {
        if (closed.from().isAfter(piece.from())) {
          next.add(new Interval(piece.from(), min(closed.from(), piece.to())));
        }
        if (closed.to().isBefore(piece.to())) {
          next.add(new Interval(max(closed.to(), piece.from()), piece.to()));
        }
      }
      pieces = next.stream().filter(p -> p.from().isBefore(p.to())).toList();
    }
    return pieces;
  }

  private Instant instant(LocalDateTime local) {
    return ZonedDateTime.of(local, zone()).toInstant();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public String toString() {
    return "ServiceCalendar[version=" + version + ", zone=" + zone() + ", hours=" + definition.weeklyHours()
        + ", holidays=" + holidays + ", closures=" + definition.closures().size() + "]";
  }
}
