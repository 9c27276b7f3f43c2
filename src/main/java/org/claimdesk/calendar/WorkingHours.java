package org.claimdesk.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One stretch of working time on a day, in the calendar's local time: from {@code from}
 * (inclusive) to {@code to} (exclusive). {@code to} may be {@link #END_OF_DAY} ({@code "24:00"} in
 * JSON), the midnight that ends the day, so a round-the-clock day is {@code 00:00-24:00}.
 */
public record WorkingHours(LocalTime from, LocalTime to) {

  /** As {@code to}: the end of the day (the next midnight), written {@code "24:00"}. */
  public static final LocalTime END_OF_DAY = LocalTime.MIDNIGHT;

  public WorkingHours {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!endsAtMidnight(to) && !from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " is not before to " + to);
    }
  }

  /** {@code "09:00-18:00"}, as in {@code claimdesk.calendar.weekly-hours}. */
  public static WorkingHours parse(String range) {
    String[] parts = range.trim().split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("not HH:MM-HH:MM: " + range);
    }
    return new WorkingHours(time(parts[0], false), time(parts[1], true));
  }

  /**
   * {@code "09:00"}; {@code "24:00"} only where {@code end} (the end of the day).
   *
   * @throws IllegalArgumentException when it is not a time of day
   */
  public static LocalTime time(String text, boolean end) {
    String trimmed = text.trim();
    if (end && trimmed.equals("24:00")) {
      return END_OF_DAY;
    }
    try {
      return LocalTime.parse(trimmed);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a time of day HH:MM: " + text);
    }
  }

  /** Seconds from the start of the day, {@code to} of {@code 24:00} being 86,400. */
  int fromSecond() {
    return from.toSecondOfDay();
  }

  int toSecond() {
    return endsAtMidnight(to) ? 86_400 : to.toSecondOfDay();
  }

  private static boolean endsAtMidnight(LocalTime to) {
    return to.equals(END_OF_DAY);
  }

  /** {@code "09:00"}, {@code "24:00"}. */
  public String fromText() {
    return from.toString();
  }

  public String toText() {
    return endsAtMidnight(to) ? "24:00" : to.toString();
  }

  @Override
  public String toString() {
    return fromText() + "-" + toText();
  }
}
