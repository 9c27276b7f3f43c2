package org.claimdesk.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.web.FieldProblem;

/**
 * The body of {@code PUT /api/staff/calendars/{profile}}, as sent: strings, so that every bad
 * field is named at once rather than the first one Jackson trips on.
 *
 * <pre>
 * {"zone": "Europe/Paris",
 *  "weeklyHours": {"MONDAY": [{"from": "09:00", "to": "12:30"}, {"from": "13:30", "to": "18:00"}], ...},
 *  "country": "FR", "subdivision": null,
 *  "closures": [{"date": "2026-12-24"}, {"from": "2026-08-14T14:00", "to": "2026-08-14T18:00"}]}
 * </pre>
 */
record CalendarRequest(String zone, Map<String, List<Hours>> weeklyHours, String country, String subdivision,
    List<ClosureRequest> closures) {

  static final int MAX_STRETCHES_A_DAY = 12;
  static final int MAX_CLOSURES = 1_000;

  record Hours(String from, String to) {
  }

  record ClosureRequest(String date, String from, String to) {
  }

  /**
   * The definition this request asks for.
   *
   * @throws InvalidRecordException 400 naming every bad field
   */
  CalendarDefinition toDefinition() {
    List<FieldProblem> problems = new ArrayList<>();
    ZoneId zoneId = zone(problems);
    Map<DayOfWeek, List<WorkingHours>> hours = hours(problems);
    countryAndSubdivision(problems);
    List<Closure> closed = closures(problems);
    if (problems.isEmpty()) {
      try {
        return new CalendarDefinition(zoneId, hours, country, subdivision, closed);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("", e.getMessage()));
      }
    }
    throw new InvalidRecordException(problems);
  }

  private ZoneId zone(List<FieldProblem> problems) {
    if (zone == null || zone.isBlank()) {
      problems.add(new FieldProblem("zone", "is required, e.g. Europe/Paris"));
      return null;
    }
    try {
      return ZoneId.of(zone.trim());
    } catch (DateTimeException e) {
      problems.add(new FieldProblem("zone", "must be a time zone such as Europe/Paris"));
      return null;
    }
  }

  private Map<DayOfWeek, List<WorkingHours>> hours(List<FieldProblem> problems) {
    Map<DayOfWeek, List<WorkingHours>> days = new EnumMap<>(DayOfWeek.class);
    if (weeklyHours == null) {
      problems.add(new FieldProblem("weeklyHours", "is required, e.g. {\"MONDAY\": [{\"from\": \"09:00\", \"to\": \"18:00\"}]}"));
      return days;
    }
    boolean any = false;
    for (Map.Entry<String, List<Hours>> entry : weeklyHours.entrySet()) {
      String field = "weeklyHours." + entry.getKey();
      DayOfWeek day = day(entry.getKey());
      if (day == null) {
        problems.add(new FieldProblem(field, "is not a weekday (MONDAY ... SUNDAY)"));
        continue;
      }
      if (days.containsKey(day)) {
        problems.add(new FieldProblem(field, "names " + day + " a second time"));
        continue;
      }
      List<Hours> stretches = entry.getValue() == null ? List.of() : entry.getValue();
      if (stretches.size() > MAX_STRETCHES_A_DAY) {
        problems.add(new FieldProblem(field, "has more than " + MAX_STRETCHES_A_DAY + " stretches"));
        continue;
      }
      List<WorkingHours> parsed = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < stretches.size(); i++) {
        String at = field + "[" + i + "]";
        Hours stretch = stretches.get(i);
        if (stretch == null) {
          problems.add(new FieldProblem(at, "must be {\"from\": \"HH:MM\", \"to\": \"HH:MM\"}"));
          continue;
        }
        LocalTime from = time(stretch.from(), false, at + ".from", problems);
        LocalTime to = time(stretch.to(), true, at + ".to", problems);
        if (from == null || to == null) {
          continue;
        }
        try {
          parsed.add(new WorkingHours(from, to));
          fields.add(at);
        } catch (IllegalArgumentException e) {
          problems.add(new FieldProblem(at + ".to", "must be after from (" + stretch.from() + ")"));
        }
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < parsed.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparing(i -> parsed.get(i).fromSecond()));
      for (int k = 1; k < order.size(); k++) {
        WorkingHours before = parsed.get(order.get(k - 1));
        WorkingHours after = parsed.get(order.get(k));
        if (after.fromSecond() < before.toSecond()) {
          problems.add(new FieldProblem(fields.get(order.get(k)), "overlaps " + before));
        }
      }
      any |= !parsed.isEmpty();
      days.put(day, parsed);
    }
    if (!any && problems.stream().noneMatch(p -> p.field().startsWith("weeklyHours"))) {
      problems.add(new FieldProblem("weeklyHours", "needs working hours on at least one weekday"));
    }
    return days;
  }

  private void countryAndSubdivision(List<FieldProblem> problems) {
    boolean hasCountry = country != null && !country.isBlank();
    if (hasCountry && !PublicHolidays.isKnownCountry(country)) {
      problems.add(new FieldProblem("country",
          "is not a country the holiday library knows (ISO 3166 alpha-2 code, e.g. FR)"));
      return;
    }
    if (subdivision != null && !subdivision.isBlank()) {
      if (!hasCountry) {
        problems.add(new FieldProblem("subdivision", "needs a country"));
      } else if (!PublicHolidays.isKnownSubdivision(country, subdivision)) {
        problems.add(new FieldProblem("subdivision", "is not a subdivision of " + country.trim().toUpperCase(Locale.ROOT)
            + " that the holiday library knows"));
      }
    }
  }

  private List<Closure> closures(List<FieldProblem> problems) {
    List<Closure> closed = new ArrayList<>();
    if (closures == null) {
      return closed;
    }
    if (closures.size() > MAX_CLOSURES) {
      problems.add(new FieldProblem("closures", "has more than " + MAX_CLOSURES + " entries"));
      return closed;
    }
    for (int i = 0; i < closures.size(); i++) {
      String at = "closures[" + i + "]";
      ClosureRequest closure = closures.get(i);
      if (closure == null || (closure.date() == null) == (closure.from() == null && closure.to() == null)) {
        problems.add(new FieldProblem(at, "must be {\"date\": \"2026-12-24\"} or {\"from\": \"2026-08-14T14:00\", "
            + "\"to\": \"2026-08-14T18:00\"}"));
        continue;
      }
      if (closure.date() != null) {
        try {
          closed.add(Closure.day(LocalDate.parse(closure.date().trim())));
        } catch (DateTimeParseException e) {
          problems.add(new FieldProblem(at + ".date", "must be an ISO-8601 date, e.g. 2026-12-24"));
        }
        continue;
      }
      LocalDateTime from = dateTime(closure.from(), at + ".from", problems);
      LocalDateTime to = dateTime(closure.to(), at + ".to", problems);
      if (from != null && to != null) {
        if (!from.isBefore(to)) {
          problems.add(new FieldProblem(at + ".to", "must be after from"));
        } else {
          closed.add(Closure.range(from, to));
        }
      }
    }
    return closed;
  }

  private static DayOfWeek day(String name) {
    try {
      return name == null ? null : DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static LocalTime time(String text, boolean end, String field, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      problems.add(new FieldProblem(field, "is required (HH:MM)"));
      return null;
    }
    try {
      return WorkingHours.time(text, end);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(field, end ? "must be a time HH:MM (24:00 for the end of the day)"
          : "must be a time HH:MM"));
      return null;
    }
  }

  private static LocalDateTime dateTime(String text, String field, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) {
      problems.add(new FieldProblem(field, "is required (local date and time, e.g. 2026-08-14T14:00)"));
      return null;
    }
    try {
      return LocalDateTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a local date and time, e.g. 2026-08-14T14:00"));
      return null;
    }
  }
}
