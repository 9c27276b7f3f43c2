package org.claimdesk.calendar;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The service calendars of the profiles, versioned (issue #26).
 *
 * <p><b>Versioning rule.</b> Saving a calendar never changes a stored one: it adds the next
 * version, and the current calendar of a profile is its highest version. A case records the
 * version it started with and keeps counting its staff deadlines on that version until it ends;
 * a manager's edit reaches the cases that start after it, never a running one. Old versions stay
 * readable ({@link #version}) for as long as cases may refer to them.
 *
 * <p><b>Default.</b> A configured profile ({@code claimdesk.calendar.profiles}) without a stored
 * calendar gets the configured default ({@link CalendarProperties}) stored as its version 1, by
 * {@link #CONFIGURATION}, the first time it is asked for: from then on the version number means
 * the same calendar whatever the configuration later says.
 *
 * <p>Versions are immutable, so each one read is kept in memory; the current version number is
 * read from the database each time, so an edit on one node reaches the others at once.
 */
@Service
public class ServiceCalendars {

  /** A profile key: lower case, digits and hyphens, as the policy profiles are spelled. */
  public static final String PROFILE_KEY = "[a-z][a-z0-9-]{0,39}";
  /** Who stored a profile's seeded default calendar. */
  public static final String CONFIGURATION = "configuration";

  private static final Logger log = LoggerFactory.getLogger(ServiceCalendars.class);
  private static final int SAVE_ATTEMPTS = 5;

  private final ServiceCalendarStore store;
  private final CalendarProperties properties;
  private final Clock clock;
  private final Map<String, CalendarVersion> versions = new ConcurrentHashMap<>();

  ServiceCalendars(ServiceCalendarStore store, CalendarProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  /** Whether {@code profile} has a service calendar. */
  public boolean hasCalendar(String profile) {
    return profile != null && properties.profiles().contains(profile);
  }

  /**
   * The current (highest) version of {@code profile}'s calendar: what a case starting now uses.
   *
   * @throws UnknownProfileException 404, when the profile has no calendar
   */
  public CalendarVersion current(String profile) {
    requireProfile(profile);
    int highest = store.highestVersion(profile);
    if (highest == 0) {
      seed(profile);
      highest = store.highestVersion(profile);
    }
    return version(profile, highest).orElseThrow();
  }

  /**
   * Version {@code version} of {@code profile}'s calendar, as it was saved; empty when there is no
   * such version.
   *
   * @throws UnknownProfileException 404, when the profile has no calendar
   */
  public Optional<CalendarVersion> version(String profile, int version) {
    requireProfile(profile);
    String key = profile + "#" + version;
    CalendarVersion known = versions.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    if (version == 1 && store.highestVersion(profile) == 0) {
      seed(profile);
    }
    Optional<CalendarVersion> stored = store.find(profile, version);
    stored.ifPresent(found -> versions.putIfAbsent(key, found));
    return stored;
  }

  /**
   * Stores {@code definition} as the next version of {@code profile}'s calendar: cases that start
   * from now on count on it; running cases keep theirs.
   *
   * @param user the manager saving it
   * @return the new version
   * @throws UnknownProfileException 404, when the profile has no calendar
   */
  public CalendarVersion save(String profile, CalendarDefinition definition, String user) {
    requireProfile(profile);
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(user, "user");
    current(profile); // version 1 is the seeded default, so an edit is version 2 or later
    for (int attempt = 1; ; attempt++) {
      int next = store.highestVersion(profile) + 1;
      try {
        store.insert(profile, next, definition, user, clock.instant());
        log.info("Service calendar {} version {} saved by {}", profile, next, user);
        return version(profile, next).orElseThrow();
      } catch (DuplicateKeyException concurrent) {
        if (attempt == SAVE_ATTEMPTS) {
          throw concurrent;
        }
      }
    }
  }

  private void seed(String profile) {
    try {
      store.insert(profile, 1, properties.definition(), CONFIGURATION, clock.instant());
      log.info("Service calendar {} version 1 stored from claimdesk.calendar", profile);
    } catch (DuplicateKeyException alreadySeeded) {
      // another node (or thread) stored it first: the same default
    }
  }

  /** @throws UnknownProfileException 404, when the profile has no calendar */
  void requireProfile(String profile) {
    if (!hasCalendar(profile)) {
      throw new UnknownProfileException(profile);
    }
  }

  /** 404: the profile has no service calendar. */
  public static class UnknownProfileException extends ErrorResponseException {

    UnknownProfileException(String profile) {
      super(HttpStatus.NOT_FOUND, problem(profile), null);
    }

    private static ProblemDetail problem(String profile) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
          profile != null && profile.matches(PROFILE_KEY)
              ? "No service calendar for profile " + profile + "."
              : "No service calendar for that profile.");
      problem.setTitle("Unknown profile");
      return problem;
    }
  }
}
