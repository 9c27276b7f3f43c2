package org.claimdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.claimdesk.calendar.ServiceCalendarTest.paris;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The versioning rule on the embedded default's H2 (V16 as Flyway runs it): the configured default
 * is version 1, an edit is the next version, and a case keeps the version it started with.
 */
class ServiceCalendarsOnH2Test {

  static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");

  ServiceCalendars calendars;
  JdbcClient jdbc;

  @BeforeEach
  void database() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(
        "jdbc:h2:mem:calendar-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    // Upper case on H2, as MerchantSchemaConfiguration gives it to Flyway: unquoted claimdesk.x is CLAIMDESK.X.
    Flyway.configure().dataSource(dataSource).schemas("CLAIMDESK").defaultSchema("CLAIMDESK").createSchemas(true)
        .locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(dataSource);
    CalendarProperties defaults = new CalendarProperties(List.of("standard", "strict"), ZoneId.of("Europe/Paris"),
        Map.of(DayOfWeek.MONDAY, List.of("09:00-18:00"), DayOfWeek.TUESDAY, List.of("09:00-18:00"),
            DayOfWeek.WEDNESDAY, List.of("09:00-18:00"), DayOfWeek.THURSDAY, List.of("09:00-18:00"),
            DayOfWeek.FRIDAY, List.of("09:00-18:00")),
        "FR", null, List.of(LocalDate.of(2026, 12, 24)));
    calendars = new ServiceCalendars(new ServiceCalendarStore(jdbc), defaults, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void theConfiguredDefaultIsStoredAsVersion1OnFirstUse() {
    CalendarVersion current = calendars.current("standard");

    assertThat(current.version()).isEqualTo(1);
    assertThat(current.createdBy()).isEqualTo(ServiceCalendars.CONFIGURATION);
    assertThat(current.createdAt()).isEqualTo(NOW);
    assertThat(current.calendar().definition().closures()).containsExactly(Closure.day(LocalDate.of(2026, 12, 24)));
    assertThat(calendars.current("standard").version()).isEqualTo(1);
    assertThat(rows("standard")).isEqualTo(1);
  }

  @Test
  void aCalendarEditReachesNewCasesOnly() {
    // A case filed on Friday 3 April 2026 at 18:00 starts on version 1 (Mon-Fri 09:00-18:00).
    Instant filed = paris("2026-04-03T18:00");
    int startedOn = calendars.current("standard").version();

    // A manager adds Saturday mornings and closes Tuesday 7 April: version 2.
    Map<DayOfWeek, List<WorkingHours>> hours = new java.util.EnumMap<>(
        calendars.current("standard").calendar().definition().weeklyHours());
    hours.put(DayOfWeek.SATURDAY, List.of(WorkingHours.parse("09:00-12:00")));
    CalendarVersion edited = calendars.save("standard", new CalendarDefinition(ZoneId.of("Europe/Paris"), hours,
        "FR", null, List.of(Closure.day(LocalDate.of(2026, 4, 7)))), "mia");

    assertThat(edited.version()).isEqualTo(2);
    assertThat(edited.createdBy()).isEqualTo("mia");
    assertThat(calendars.current("standard").version()).isEqualTo(2);
    // The running case keeps counting on version 1: Tuesday 9 h, Wednesday 9 h, Thursday 6 h -> Thursday 15:00.
    ServiceCalendar kept = calendars.version("standard", startedOn).orElseThrow().calendar();
    assertThat(kept.addBusinessTime(filed, Duration.ofHours(24))).isEqualTo(paris("2026-04-09T15:00"));
    // A case filed now counts on version 2: Saturday 3 h, (Monday holiday, Tuesday closed) Wednesday 9 h,
    // Thursday 9 h (21 h), Friday 10 April 3 h -> 12:00.
    ServiceCalendar current = calendars.current("standard").calendar();
    assertThat(current.addBusinessTime(filed, Duration.ofHours(24))).isEqualTo(paris("2026-04-10T12:00"));
    // Other profiles are untouched.
    assertThat(calendars.current("strict").version()).isEqualTo(1);
  }

  @Test
  void aStoredVersionReadsBackAsSaved() {
    CalendarDefinition definition = new CalendarDefinition(ZoneId.of("America/Montreal"),
        Map.of(DayOfWeek.MONDAY, List.of(WorkingHours.parse("08:00-12:00"), WorkingHours.parse("13:00-24:00"))),
        "CA", "QC", List.of(Closure.day(LocalDate.of(2026, 6, 23)),
            Closure.range(LocalDateTime.parse("2026-08-14T14:00"), LocalDateTime.parse("2026-08-14T18:00"))));

    int version = calendars.save("strict", definition, "mia").version();

    assertThat(calendars.version("strict", version).orElseThrow().calendar().definition()).isEqualTo(definition);
    assertThat(calendars.version("strict", version + 1)).isEmpty();
  }

  @Test
  void aProfileWithoutACalendarIsRefused() {
    assertThatThrownBy(() -> calendars.current("nobody")).isInstanceOf(ServiceCalendars.UnknownProfileException.class);
    assertThat(rows("nobody")).isZero();
  }

  private long rows(String profile) {
    return jdbc.sql("select count(*) from claimdesk.service_calendar where profile_key = :p").param("p", profile)
        .query(Long.class).single();
  }
}
