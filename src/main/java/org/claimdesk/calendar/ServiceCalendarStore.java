package org.claimdesk.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stored versions of the service calendars ({@code claimdesk.service_calendar}, V16). Rows are
 * inserted, never updated: a version, once stored, is what every case that started on it keeps.
 */
@Repository
class ServiceCalendarStore {

  private static final String COLUMNS =
      "profile_key, version, zone_id, weekly_hours, country, subdivision, closures, created_by, created_at";
  private static final TypeReference<Map<String, List<Map<String, String>>>> HOURS = new TypeReference<>() { };
  private static final TypeReference<List<Map<String, String>>> CLOSURES = new TypeReference<>() { };

  private final JdbcClient jdbc;
  private final ObjectMapper json = new ObjectMapper();

  ServiceCalendarStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The highest version of {@code profile}, if any. */
  Optional<CalendarVersion> latest(String profile) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.service_calendar where profile_key = :profile"
            + " order by version desc fetch first 1 rows only")
        .param("profile", profile).query(this::row).optional();
  }

  Optional<CalendarVersion> find(String profile, int version) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.service_calendar where profile_key = :profile"
            + " and version = :version")
        .param("profile", profile).param("version", version).query(this::row).optional();
  }

  /** The highest version number of {@code profile}, 0 when it has none. */
  int highestVersion(String profile) {
    return jdbc.sql("select coalesce(max(version), 0) from claimdesk.service_calendar where profile_key = :profile")
        .param("profile", profile).query(Integer.class).single();
  }

  /**
   * Stores {@code definition} as {@code version} of {@code profile}.
   *
   * @throws org.springframework.dao.DuplicateKeyException when that version exists (someone saved first)
   */
  void insert(String profile, int version, CalendarDefinition definition, String by, Instant at) {
    jdbc.sql("""
            insert into claimdesk.service_calendar
              (profile_key, version, zone_id, weekly_hours, country, subdivision, closures, created_by, created_at)
            values (:profile, :version, :zone, :hours, :country, :subdivision, :closures, :by, :at)""")
        .param("profile", profile)
        .param("version", version)
        .param("zone", definition.zone().getId())
        .param("hours", write(hoursJson(definition)))
        .param("country", definition.country())
        .param("subdivision", definition.subdivision())
        .param("closures", write(closuresJson(definition)))
        .param("by", by)
        .param("at", DbTimes.toDb(at))
        .update();
  }

  private CalendarVersion row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Map<DayOfWeek, List<WorkingHours>> hours = new EnumMap<>(DayOfWeek.class);
    read(rs.getString("weekly_hours"), HOURS).forEach((day, stretches) -> hours.put(DayOfWeek.valueOf(day),
        stretches.stream().map(s -> new WorkingHours(WorkingHours.time(s.get("from"), false),
            WorkingHours.time(s.get("to"), true))).toList()));
    List<Closure> closures = new ArrayList<>();
    for (Map<String, String> closure : read(rs.getString("closures"), CLOSURES)) {
      closures.add(closure.containsKey("date") ? Closure.day(LocalDate.parse(closure.get("date")))
          : Closure.range(LocalDateTime.parse(closure.get("from")), LocalDateTime.parse(closure.get("to"))));
    }
    CalendarDefinition definition = new CalendarDefinition(ZoneId.of(rs.getString("zone_id")), hours,
        rs.getString("country"), rs.getString("subdivision"), closures);
    return new CalendarVersion(rs.getString("profile_key"), ServiceCalendar.of(rs.getInt("version"), definition),
        rs.getString("created_by"), DbTimes.fromDb(rs, "created_at"));
  }

  /** {@code {"MONDAY": [{"from": "09:00", "to": "18:00"}], ...}}, closed weekdays left out. */
  static Map<String, List<Map<String, String>>> hoursJson(CalendarDefinition definition) {
    Map<String, List<Map<String, String>>> days = new LinkedHashMap<>();
    definition.weeklyHours().forEach((day, stretches) -> {
      if (!stretches.isEmpty()) {
        days.put(day.name(), stretches.stream()
            .map(s -> Map.of("from", s.fromText(), "to", s.toText())).toList());
      }
    });
    return days;
  }

  /** {@code [{"date": "2026-12-24"}, {"from": "2026-08-14T14:00", "to": "2026-08-14T18:00"}]}. */
  static List<Map<String, String>> closuresJson(CalendarDefinition definition) {
    return definition.closures().stream()
        .map(c -> c.isWholeDay() ? Map.of("date", c.date().toString())
            : Map.of("from", c.from().toString(), "to", c.to().toString()))
        .toList();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable service calendar row: " + e.getOriginalMessage(), e);
    }
  }
}
