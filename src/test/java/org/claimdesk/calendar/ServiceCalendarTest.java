package org.claimdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Business time on a service calendar (issue #26): Paris, Mon-Fri 09:00-18:00, French holidays. */
class ServiceCalendarTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  static final ServiceCalendar PARIS_OFFICE = calendar(weekdays("09:00-18:00"), List.of());

  static Map<DayOfWeek, List<WorkingHours>> weekdays(String... ranges) {
    Map<DayOfWeek, List<WorkingHours>> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      hours.put(day, java.util.Arrays.stream(ranges).map(WorkingHours::parse).toList());
    }
    return hours;
  }

  static ServiceCalendar calendar(Map<DayOfWeek, List<WorkingHours>> hours, List<Closure> closures) {
    return ServiceCalendar.of(1, new CalendarDefinition(PARIS, hours, "FR", null, closures));
  }

  /** A local time in Paris, e.g. {@code paris("2026-04-03T18:00")}. */
  static Instant paris(String local) {
    return ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toInstant();
  }

  @Nested
  @DisplayName("SL-1 across a public holiday")
  class Holidays {

    @Test
    void SL1_claimOnFriday18hBeforeEasterMondayIsFollowedUpOnThursday15h() {
      // Friday 3 April 2026, 18:00 in Paris: the office has just closed. Saturday, Sunday: closed;
      // Monday 6 April: Easter Monday, a public holiday in France. 24 working hours =
      // Tuesday 7 April 09:00-18:00 (9 h) + Wednesday 8 April 09:00-18:00 (9 h, 18 h so far)
      // + Thursday 9 April 09:00-15:00 (6 h) -> Thursday 9 April 15:00 (CEST, 13:00 UTC).
      Instant filed = paris("2026-04-03T18:00");

      assertThat(PARIS_OFFICE.addBusinessTime(filed, Duration.ofHours(24)))
          .isEqualTo(paris("2026-04-09T15:00")).isEqualTo(Instant.parse("2026-04-09T13:00:00Z"));
    }

    @Test
    void SL1_theIssuesWednesdayIsTwoWorkingDaysAfterFriday18hBeforeEasterMonday() {
      // The issue expects "due on Wednesday": two working days after Friday 18:00 are Tuesday and
      // Wednesday (Monday is Easter Monday), 2 x 9 = 18 working hours -> Wednesday 8 April 18:00,
      // the closing time itself (16:00 UTC). Without the holiday, 24 working hours would also end on
      // a Wednesday (Monday 9 h + Tuesday 9 h + Wednesday 6 h -> 15:00); the holiday moves them to Thursday.
      Instant filed = paris("2026-04-03T18:00");

      assertThat(PARIS_OFFICE.addBusinessTime(filed, Duration.ofHours(18))).isEqualTo(paris("2026-04-08T18:00"));
      ServiceCalendar noHolidays = new ServiceCalendar(1, PARIS_OFFICE.definition(), PublicHolidays.NONE);
      assertThat(noHolidays.addBusinessTime(filed, Duration.ofHours(24))).isEqualTo(paris("2026-04-08T15:00"));
    }

    @Test
    void SL1_firstReplyDue48WorkingHoursAfterFriday18hBeforeEasterMonday() {
      // Tuesday 7, Wednesday 8, Thursday 9, Friday 10 (36 h), Monday 13 April (45 h), then 3 h on
      // Tuesday 14 April -> 12:00.
      assertThat(PARIS_OFFICE.addBusinessTime(paris("2026-04-03T18:00"), Duration.ofHours(48)))
          .isEqualTo(paris("2026-04-14T12:00"));
    }

    @Test
    void easterMondayIsClosedAllDayAndCountsNothing() {
      assertThat(PARIS_OFFICE.isClosedAllDay(LocalDate.of(2026, 4, 6))).isTrue();
      assertThat(PARIS_OFFICE.isOpen(paris("2026-04-06T10:00"))).isFalse();
      assertThat(PARIS_OFFICE.businessTimeBetween(paris("2026-04-03T09:00"), paris("2026-04-07T18:00")))
          .isEqualTo(Duration.ofHours(18));
    }

    @Test
    void aSubdivisionAddsItsOwnHolidays() {
      // 26 December (a Friday in 2025) is a public holiday in Moselle (57), not in the rest of France.
      ServiceCalendar moselle = ServiceCalendar.of(1,
          new CalendarDefinition(PARIS, weekdays("09:00-18:00"), "FR", "57", List.of()));

      assertThat(moselle.isOpen(paris("2025-12-26T10:00"))).isFalse();
      assertThat(PARIS_OFFICE.isOpen(paris("2025-12-26T10:00"))).isTrue();
    }
  }

  @Nested
  @DisplayName("inside and outside working hours")
  class Hours {

    @Test
    void startInsideHoursCountsFromStart() {
      assertThat(PARIS_OFFICE.addBusinessTime(paris("2026-04-07T10:00"), Duration.ofHours(3)))
          .isEqualTo(paris("2026-04-07T13:00"));
    }

    @Test
    void startBeforeOpeningBeginsAtOpening() {
      assertThat(PARIS_OFFICE.addBusinessTime(paris("2026-04-07T07:00"), Duration.ofHours(1)))
          .isEqualTo(paris("2026-04-07T10:00"));
    }

    @Test
    void startAfterClosingBeginsNextWorkingMorning() {
      assertThat(PARIS_OFFICE.addBusinessTime(paris("2026-04-07T20:30"), Duration.ofMinutes(90)))
          .isEqualTo(paris("2026-04-08T10:30"));
    }

    @Test
    void timeRunsOverToTheNextWorkingDay() {
      // Tuesday 16:00-18:00 (2 h), Wednesday 09:00-12:00 (3 h).
      assertThat(PARIS_OFFICE.addBusinessTime(paris("2026-04-07T16:00"), Duration.ofHours(5)))
          .isEqualTo(paris("2026-04-08T12:00"));
    }

    @Test
    void openingIsInsideAndClosingOutside() {
      assertThat(PARIS_OFFICE.isOpen(paris("2026-04-07T09:00"))).isTrue();
      assertThat(PARIS_OFFICE.isOpen(paris("2026-04-07T17:59:59"))).isTrue();
      assertThat(PARIS_OFFICE.isOpen(paris("2026-04-07T18:00"))).isFalse();
      assertThat(PARIS_OFFICE.isOpen(paris("2026-04-11T10:00"))).isFalse(); // Saturday
    }

    @Test
    void nextOpeningIsTheInstantWhenOpenElseTheNextMorning() {
      assertThat(PARIS_OFFICE.nextOpening(paris("2026-04-07T11:00"))).isEqualTo(paris("2026-04-07T11:00"));
      assertThat(PARIS_OFFICE.nextOpening(paris("2026-04-07T18:00"))).isEqualTo(paris("2026-04-08T09:00"));
      assertThat(PARIS_OFFICE.nextOpening(paris("2026-04-10T18:30"))).isEqualTo(paris("2026-04-13T09:00"));
    }

    @Test
    void businessTimeBetweenCountsOnlyWorkingHoursAndIsSignedByOrder() {
      Instant from = paris("2026-04-07T17:00");
      Instant to = paris("2026-04-08T10:00");

      assertThat(PARIS_OFFICE.businessTimeBetween(from, to)).isEqualTo(Duration.ofHours(2));
      assertThat(PARIS_OFFICE.businessTimeBetween(to, from)).isEqualTo(Duration.ofHours(-2));
      assertThat(PARIS_OFFICE.businessTimeBetween(paris("2026-04-11T00:00"), paris("2026-04-12T23:00")))
          .isZero();
    }

    @Test
    void addAndBetweenAgreeOverAMonth() {
      Instant start = paris("2026-04-28T11:17");
      for (int hours = 0; hours <= 200; hours += 7) {
        Instant due = PARIS_OFFICE.addBusinessTime(start, Duration.ofHours(hours));
        assertThat(PARIS_OFFICE.businessTimeBetween(start, due)).isEqualTo(Duration.ofHours(hours));
      }
    }

    @Test
    void lunchBreakIsNotWorkingTime() {
      ServiceCalendar withLunch = calendar(weekdays("09:00-12:30", "13:30-18:00"), List.of());

      // Tuesday 12:00-12:30 (30 min), then 13:30-14:00 (30 min).
      assertThat(withLunch.addBusinessTime(paris("2026-04-07T12:00"), Duration.ofHours(1)))
          .isEqualTo(paris("2026-04-07T14:00"));
      assertThat(withLunch.isOpen(paris("2026-04-07T13:00"))).isFalse();
      assertThat(withLunch.nextOpening(paris("2026-04-07T12:45"))).isEqualTo(paris("2026-04-07T13:30"));
      assertThat(withLunch.businessTimeBetween(paris("2026-04-07T00:00"), paris("2026-04-08T00:00")))
          .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aNegativeDurationIsRefused() {
      assertThatThrownBy(() -> PARIS_OFFICE.addBusinessTime(paris("2026-04-07T10:00"), Duration.ofHours(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("the merchant's closures")
  class Closures {

    @Test
    void closedDaysAndHoursCountNothing() {
      // Closed all Tuesday 7 April and on Wednesday 8 April 14:00-16:00. From Friday 3 April 18:00:
      // Monday Easter, Tuesday closed, Wednesday 9 h - 2 h = 7 h, Thursday 9 h (16 h), Friday 10 April
      // 8 h -> 17:00.
      ServiceCalendar closed = calendar(weekdays("09:00-18:00"), List.of(
          Closure.day(LocalDate.of(2026, 4, 7)),
          Closure.range(LocalDateTime.parse("2026-04-08T14:00"), LocalDateTime.parse("2026-04-08T16:00"))));

      assertThat(closed.addBusinessTime(paris("2026-04-03T18:00"), Duration.ofHours(24)))
          .isEqualTo(paris("2026-04-10T17:00"));
      assertThat(closed.isOpen(paris("2026-04-08T15:00"))).isFalse();
      assertThat(closed.isOpen(paris("2026-04-08T16:00"))).isTrue();
      assertThat(closed.nextOpening(paris("2026-04-08T14:30"))).isEqualTo(paris("2026-04-08T16:00"));
    }

    @Test
    void aClosureOverSeveralDaysClosesEachOfThem() {
      // Closed from Wednesday 8 April 12:00 to Friday 10 April 10:00.
      ServiceCalendar closed = calendar(weekdays("09:00-18:00"), List.of(
          Closure.range(LocalDateTime.parse("2026-04-08T12:00"), LocalDateTime.parse("2026-04-10T10:00"))));

      assertThat(closed.businessTimeBetween(paris("2026-04-08T00:00"), paris("2026-04-11T00:00")))
          .isEqualTo(Duration.ofHours(3 + 8));
    }
  }

  @Nested
  @DisplayName("weeks the clocks change in Paris")
  class DaylightSaving {

    @Test
    void marchWeekKeepsLocalHours() {
      // Sunday 29 March 2026, 02:00 CET -> 03:00 CEST. Friday 27 March 17:00 CET (16:00 UTC) + 2 h:
      // Friday 17:00-18:00, Monday 30 March 09:00-10:00 CEST = 08:00 UTC.
      Instant friday = paris("2026-03-27T17:00");
      assertThat(friday).isEqualTo(Instant.parse("2026-03-27T16:00:00Z"));

      assertThat(PARIS_OFFICE.addBusinessTime(friday, Duration.ofHours(2)))
          .isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
      // Friday 09:00 CET to Monday 18:00 CEST: two 9-hour days, though a wall-clock hour went missing.
      assertThat(PARIS_OFFICE.businessTimeBetween(paris("2026-03-27T09:00"), paris("2026-03-30T18:00")))
          .isEqualTo(Duration.ofHours(18));
      // Monday 30 March 08:30 UTC is 10:30 in Paris (open); 07:30 UTC is 09:30 (open), 06:30 UTC 08:30 (closed).
      assertThat(PARIS_OFFICE.isOpen(Instant.parse("2026-03-30T07:30:00Z"))).isTrue();
      assertThat(PARIS_OFFICE.isOpen(Instant.parse("2026-03-30T06:30:00Z"))).isFalse();
    }

    @Test
    void octoberWeekKeepsLocalHours() {
      // Sunday 25 October 2026, 03:00 CEST -> 02:00 CET. Friday 23 October 17:00 CEST (15:00 UTC)
      // + 2 h: Friday 17:00-18:00, Monday 26 October 09:00-10:00 CET = 09:00 UTC.
      assertThat(PARIS_OFFICE.addBusinessTime(paris("2026-10-23T17:00"), Duration.ofHours(2)))
          .isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
      assertThat(PARIS_OFFICE.businessTimeBetween(paris("2026-10-19T00:00"), paris("2026-10-31T00:00")))
          .isEqualTo(Duration.ofHours(5 * 9 + 5 * 9));
    }

    @Test
    void aRoundTheClockSundayHas23HoursInMarchAnd25InOctober() {
      Map<DayOfWeek, List<WorkingHours>> sundays = new EnumMap<>(DayOfWeek.class);
      sundays.put(DayOfWeek.SUNDAY, List.of(WorkingHours.parse("00:00-24:00")));
      ServiceCalendar allSunday = ServiceCalendar.of(1, new CalendarDefinition(PARIS, sundays, null, null, null));

      assertThat(allSunday.businessTimeBetween(paris("2026-03-28T00:00"), paris("2026-03-30T00:00")))
          .isEqualTo(Duration.ofHours(23));
      assertThat(allSunday.businessTimeBetween(paris("2026-10-24T00:00"), paris("2026-10-26T00:00")))
          .isEqualTo(Duration.ofHours(25));
      assertThat(allSunday.addBusinessTime(paris("2026-03-29T00:00"), Duration.ofHours(23)))
          .isEqualTo(paris("2026-03-30T00:00"));
    }
  }

  @Nested
  @DisplayName("a definition that makes no calendar")
  class Definitions {

    @Test
    void overlappingHoursAreRefused() {
      assertThatThrownBy(() -> calendar(weekdays("09:00-13:00", "12:00-18:00"), List.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
    }

    @Test
    void aWeekWithoutHoursIsRefused() {
      assertThatThrownBy(() -> calendar(Map.of(), List.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one weekday");
    }

    @Test
    void anUnknownCountryIsRefused() {
      assertThatThrownBy(() -> PublicHolidays.of("XX", null)).isInstanceOf(IllegalArgumentException.class);
      assertThat(PublicHolidays.isKnownCountry("fr")).isTrue();
      assertThat(PublicHolidays.isKnownSubdivision("FR", "57")).isTrue();
      assertThat(PublicHolidays.isKnownSubdivision("FR", "zz")).isFalse();
    }
  }
}
