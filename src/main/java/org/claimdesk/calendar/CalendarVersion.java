package org.claimdesk.calendar;

import java.time.Instant;

/**
 * One stored version of a profile's service calendar: who made it and when. Versions are never
 * changed once stored.
 *
 * @param profile the profile key, e.g. {@code standard}
 * @param calendar the calendar, its {@link ServiceCalendar#version()} the version number
 * @param createdBy the manager who saved it, or {@link ServiceCalendars#CONFIGURATION} for the seeded default
 * @param createdAt when it was stored
 */
public record CalendarVersion(String profile, ServiceCalendar calendar, String createdBy, Instant createdAt) {

  public int version() {
    return calendar.version();
  }
}
