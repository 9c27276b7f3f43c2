package org.claimdesk.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The paused clock of issue #26: while a case waits for the customer (evidence, consent, details)
 * the staff deadline stops, and when the customer answers it resumes with the working time that
 * was left. So a deadline moves by exactly the <em>working</em> time the pauses cover: a pause
 * from Tuesday 10:00 to Thursday 10:00 on 9-hour days moves it by 18 working hours, a pause over
 * a weekend moves it by nothing.
 *
 * <p>Pauses may overlap (they are merged) and may start before the clock does (only the part
 * after the start counts). A pause that begins at or after the deadline changes nothing: the
 * deadline had passed.
 */
public final class PausedClock {

  private final ServiceCalendar calendar;

  public PausedClock(ServiceCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /**
   * The instant {@code businessDuration} of working time after {@code start}, the clock stopped
   * during {@code pauses} (each closed: the customer has answered).
   */
  public Instant deadline(Instant start, Duration businessDuration, List<Interval> pauses) {
    Instant running = start;
    Duration left = businessDuration;
    for (Interval pause : merged(start, pauses)) {
      Instant withoutPause = calendar.addBusinessTime(running, left);
      if (!withoutPause.isAfter(pause.from())) {
        return withoutPause;
      }
      left = left.minus(calendar.businessTimeBetween(running, pause.from()));
      running = pause.to();
    }
    return calendar.addBusinessTime(running, left);
  }

  /**
   * The working time left at {@code at}: what the clock resumes with when a pause ends then.
   * {@code pauses} may hold one still running (its {@code to} at or after {@code at}); zero when the
   * deadline has passed.
   */
  public Duration timeLeft(Instant start, Duration businessDuration, List<Interval> pauses, Instant at) {
    if (!at.isAfter(start)) {
      return businessDuration;
    }
    Duration used = calendar.businessTimeBetween(start, at);
    for (Interval pause : merged(start, pauses)) {
      if (!pause.from().isBefore(at)) {
        break;
      }
      Instant end = pause.to().isAfter(at) ? at : pause.to();
      used = used.minus(calendar.businessTimeBetween(pause.from(), end));
    }
    Duration left = businessDuration.minus(used);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The pauses after {@code start}, in order, overlapping ones merged. */
  static List<Interval> merged(Instant start, List<Interval> pauses) {
    List<Interval> sorted = pauses.stream()
        .filter(p -> p.to().isAfter(start))
        .map(p -> p.from().isBefore(start) ? new Interval(start, p.to()) : p)
        .sorted(Comparator.comparing(Interval::from))
        .toList();
    List<Interval> merged = new ArrayList<>();
    for (Interval pause : sorted) {
      if (!merged.isEmpty() && !pause.from().isAfter(merged.get(merged.size() - 1).to())) {
        Interval last = merged.remove(merged.size() - 1);
        merged.add(new Interval(last.from(), pause.to().isAfter(last.to()) ? pause.to() : last.to()));
      } else {
        merged.add(pause);
      }
    }
    return merged;
  }
}
