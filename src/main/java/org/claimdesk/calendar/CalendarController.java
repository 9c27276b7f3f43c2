package org.claimdesk.calendar;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.web.FieldProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/staff/calendars/{profile}}: the profiles' service calendars (docs/service-calendars.md).
 * Staff read the current version ({@code GET}), any version ({@code GET .../versions/{n}}) and a
 * due date on one ({@code GET .../due?from=...&hours=24}); managers and administrators save a new
 * version ({@code PUT}, see {@code ApiSecurityConfig}). A bad body answers 400 naming each bad field
 * and stores nothing.
 */
@RestController
@RequestMapping(path = "/api/staff/calendars/{profile}", produces = MediaType.APPLICATION_JSON_VALUE)
class CalendarController {

  /** The longest business duration {@code /due} computes. */
  static final BigDecimal MAX_HOURS = BigDecimal.valueOf(10_000);

  private final ServiceCalendars calendars;
  private final java.time.Clock clock;

  CalendarController(ServiceCalendars calendars, java.time.Clock clock) {
    this.calendars = calendars;
    this.clock = clock;
  }

  record HoursView(String from, String to) {
  }

  record ClosureView(String date, LocalDateTime from, LocalDateTime to) {
  }

  record CalendarView(String profile, int version, String zone, Map<DayOfWeek, List<HoursView>> weeklyHours,
      String country, String subdivision, List<ClosureView> closures, String createdBy, Instant createdAt) {

    static CalendarView of(CalendarVersion stored) {
      CalendarDefinition definition = stored.calendar().definition();
      Map<DayOfWeek, List<HoursView>> hours = new LinkedHashMap<>();
      definition.weeklyHours().forEach((day, stretches) ->
          hours.put(day, stretches.stream().map(s -> new HoursView(s.fromText(), s.toText())).toList()));
      List<ClosureView> closures = definition.closures().stream()
          .map(c -> new ClosureView(c.isWholeDay() ? c.date().toString() : null, c.from(), c.to()))
          .toList();
      return new CalendarView(stored.profile(), stored.version(), definition.zone().getId(), hours,
          definition.country(), definition.subdivision(), closures, stored.createdBy(), stored.createdAt());
    }
  }

  record DueView(String profile, int version, Instant from, BigDecimal businessHours, Instant due,
      OffsetDateTime dueLocal) {
  }

  @GetMapping
  ResponseEntity<CalendarView> current(@PathVariable String profile) {
    return ok(CalendarView.of(calendars.current(profile)));
  }

  @GetMapping("/versions/{version}")
  ResponseEntity<CalendarView> version(@PathVariable String profile, @PathVariable int version) {
    return ok(CalendarView.of(calendars.version(profile, version).orElseThrow(() -> noVersion(profile, version))));
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CalendarView> save(@PathVariable String profile, @RequestBody CalendarRequest body,
      Authentication user) {
    // The profile first: a bad body for a profile without a calendar is a 404, not a 400.
    calendars.requireProfile(profile);
    return ok(CalendarView.of(calendars.save(profile, body.toDefinition(), user.getName())));
  }

  /**
   * When {@code hours} of business time have passed since {@code from} (default: now) on the
   * current calendar, or on {@code version}.
   */
  @GetMapping("/due")
  ResponseEntity<DueView> due(@PathVariable String profile, @RequestParam(required = false) String from,
      @RequestParam(required = false) String hours, @RequestParam(required = false) Integer version) {
    List<FieldProblem> problems = new ArrayList<>();
    Instant start = from == null ? clock.instant() : instant(from, problems);
    BigDecimal businessHours = hours(hours, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    CalendarVersion stored = version == null ? calendars.current(profile)
        : calendars.version(profile, version).orElseThrow(() -> noVersion(profile, version));
    Duration duration = Duration.ofSeconds(businessHours.multiply(BigDecimal.valueOf(3600)).longValue());
    Instant due = stored.calendar().addBusinessTime(start, duration);
    return ok(new DueView(stored.profile(), stored.version(), start, businessHours, due,
        due.atZone(stored.calendar().zone()).toOffsetDateTime()));
  }

  private static Instant instant(String text, List<FieldProblem> problems) {
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem("from", "must be an ISO-8601 instant, e.g. 2026-04-03T16:00:00Z"));
      return null;
    }
  }

  private static BigDecimal hours(String text, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      problems.add(new FieldProblem("hours", "is required: the business hours to add, e.g. 24"));
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text.trim());
      if (value.signum() < 0 || value.compareTo(MAX_HOURS) > 0) {
        problems.add(new FieldProblem("hours", "must be between 0 and " + MAX_HOURS));
      }
      return value;
    } catch (NumberFormatException | ArithmeticException e) {
      problems.add(new FieldProblem("hours", "must be a number of hours, e.g. 24 or 1.5"));
      return null;
    }
  }

  private static ErrorResponseException noVersion(String profile, int version) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "The service calendar of " + profile + " has no version " + version + ".");
    problem.setTitle("No such version");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }

  private static <T> ResponseEntity<T> ok(T body) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }
}
