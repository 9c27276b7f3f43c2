package org.claimdesk.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time from {@code from} (inclusive) to {@code to} (exclusive); for a pause, the time
 * the case waited for the customer.
 */
public record Interval(Instant from, Instant to) {

  public Interval {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("interval ends (" + to + ") before it starts (" + from + ")");
    }
  }
}
