package org.claimdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimdesk.calendar.ServiceCalendarTest.PARIS_OFFICE;
import static org.claimdesk.calendar.ServiceCalendarTest.paris;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The paused clock (issue #26): waiting for the customer stops the staff deadline. */
class PausedClockTest {

  static final Duration FIRST_REPLY_DUE = Duration.ofHours(48);
  /** Monday 13 April 2026, 09:00 in Paris (the week after Easter Monday). */
  static final Instant MONDAY_9 = paris("2026-04-13T09:00");

  final PausedClock clock = new PausedClock(PARIS_OFFICE);

  @Test
  void withoutPausesTheDeadlineIsPlainBusinessTime() {
    // Monday to Friday 13-17 April: 45 h; Monday 20 April 09:00-12:00: 3 h.
    assertThat(clock.deadline(MONDAY_9, FIRST_REPLY_DUE, List.of())).isEqualTo(paris("2026-04-20T12:00"));
  }

  @Test
  void aTwoDayPauseMovesTheDeadlineByExactlyThePausedBusinessTime() {
    // The customer owes evidence from Tuesday 14 April 10:00 to Thursday 16 April 10:00: two
    // calendar days, 18 working hours (Tue 10-18: 8 h, Wed: 9 h, Thu 09-10: 1 h). The deadline of
    // Monday 20 April 12:00 moves on by 18 working hours: Monday 12-18 (6 h), Tuesday 21 April (9 h),
    // Wednesday 22 April 09:00-12:00 (3 h) -> Wednesday 22 April 12:00.
    Interval pause = new Interval(paris("2026-04-14T10:00"), paris("2026-04-16T10:00"));
    Instant unpaused = clock.deadline(MONDAY_9, FIRST_REPLY_DUE, List.of());

    Instant paused = clock.deadline(MONDAY_9, FIRST_REPLY_DUE, List.of(pause));

    assertThat(paused).isEqualTo(paris("2026-04-22T12:00"));
    Duration pausedBusinessTime = PARIS_OFFICE.businessTimeBetween(pause.from(), pause.to());
    assertThat(pausedBusinessTime).isEqualTo(Duration.ofHours(18));
    assertThat(PARIS_OFFICE.businessTimeBetween(unpaused, paused)).isEqualTo(pausedBusinessTime);
    assertThat(PARIS_OFFICE.deadlineWithPauses(MONDAY_9, FIRST_REPLY_DUE, List.of(pause))).isEqualTo(paused);
  }

  @Test
  void theClockResumesWithTheTimeLeft() {
    // At the end of the pause (Thursday 10:00) 10 working hours were used (Monday 9 h, Tuesday 1 h).
    Interval pause = new Interval(paris("2026-04-14T10:00"), paris("2026-04-16T10:00"));

    assertThat(clock.timeLeft(MONDAY_9, FIRST_REPLY_DUE, List.of(pause), pause.to())).isEqualTo(Duration.ofHours(38));
    // While the pause runs the time left stays put.
    assertThat(clock.timeLeft(MONDAY_9, FIRST_REPLY_DUE, List.of(pause), paris("2026-04-15T16:00")))
        .isEqualTo(Duration.ofHours(38));
    assertThat(PARIS_OFFICE.addBusinessTime(pause.to(), Duration.ofHours(38)))
        .isEqualTo(clock.deadline(MONDAY_9, FIRST_REPLY_DUE, List.of(pause)));
  }

  @Test
  void aPauseOutsideWorkingHoursMovesNothing() {
    // Friday 17 April 18:00 to Monday 20 April 09:00: the weekend, no working time.
    Interval weekend = new Interval(paris("2026-04-17T18:00"), paris("2026-04-20T09:00"));

    assertThat(clock.deadline(MONDAY_9, FIRST_REPLY_DUE, List.of(weekend))).isEqualTo(paris("2026-04-20T12:00"));
  }

  @Test
  void aPauseAfterTheDeadlineChangesNothing() {
    Interval late = new Interval(paris("2026-04-20T12:00"), paris("2026-04-21T12:00"));

    assertThat(clock.deadline(MONDAY_9, FIRST_REPLY_DUE, List.of(late))).isEqualTo(paris("2026-04-20T12:00"));
  }

  @Test
  void overlappingPausesCountOnce() {
    // Tuesday 10:00-14:00 and 12:00-16:00 are one pause of 6 working hours.
    List<Interval> pauses = List.of(
        new Interval(paris("2026-04-14T12:00"), paris("2026-04-14T16:00")),
        new Interval(paris("2026-04-14T10:00"), paris("2026-04-14T14:00")));

    Instant paused = clock.deadline(MONDAY_9, FIRST_REPLY_DUE, pauses);

    assertThat(PARIS_OFFICE.businessTimeBetween(paris("2026-04-20T12:00"), paused)).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void twoPausesAddUp() {
    // Tuesday 10:00-12:00 (2 h) and Thursday 16:00 to Friday 11:00 (2 h + 2 h): 6 h in all.
    List<Interval> pauses = List.of(
        new Interval(paris("2026-04-14T10:00"), paris("2026-04-14T12:00")),
        new Interval(paris("2026-04-16T16:00"), paris("2026-04-17T11:00")));

    assertThat(clock.deadline(MONDAY_9, FIRST_REPLY_DUE, pauses)).isEqualTo(paris("2026-04-20T18:00"));
  }
}
