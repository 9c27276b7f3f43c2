package org.claimdesk.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One of the merchant's own closures, in the calendar's local time: a whole day ({@code date}) or
 * a stretch from {@code from} (inclusive) to {@code to} (exclusive), e.g. an afternoon off. Exactly
 * one of the two forms is given.
 */
public record Closure(LocalDate date, LocalDateTime from, LocalDateTime to) {

  public Closure {
    if (date != null) {
      if (from != null || to != null) {
        throw new IllegalArgumentException("a closure is a date or a from-to range, not both");
      }
    } else {
      if (from == null || to == null) {
        throw new IllegalArgumentException("a closure needs a date, or both from and to");
      }
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException("closure from " + from + " is not before to " + to);
      }
    }
  }

  public static Closure day(LocalDate date) {
    return new Closure(date, null, null);
  }

  public static Closure range(LocalDateTime from, LocalDateTime to) {
    return new Closure(null, from, to);
  }

  /** Where the closure starts, local time. */
  LocalDateTime start() {
    return date != null ? date.atStartOfDay() : from;
  }

  /** Where the closure ends (exclusive), local time. */
  LocalDateTime end() {
    return date != null ? date.plusDays(1).atStartOfDay() : to;
  }

  boolean isWholeDay() {
    return date != null;
  }
}
