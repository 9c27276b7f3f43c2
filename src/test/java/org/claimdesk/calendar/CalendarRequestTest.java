package org.claimdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.web.FieldProblem;
import org.junit.jupiter.api.Test;

/** The managers' calendar body: every bad field named at once. */
class CalendarRequestTest {

  static CalendarRequest.Hours hours(String from, String to) {
    return new CalendarRequest.Hours(from, to);
  }

  @Test
  void aGoodBodyIsADefinition() {
    CalendarDefinition definition = new CalendarRequest("Europe/Paris",
        Map.of("monday", List.of(hours("13:30", "18:00"), hours("09:00", "12:30")), "SUNDAY", List.of()),
        "fr", null, List.of(new CalendarRequest.ClosureRequest("2026-12-24", null, null))).toDefinition();

    assertThat(definition.hoursOn(DayOfWeek.MONDAY)).containsExactly(
        WorkingHours.parse("09:00-12:30"), WorkingHours.parse("13:30-18:00"));
    assertThat(definition.hoursOn(DayOfWeek.SUNDAY)).isEmpty();
    assertThat(definition.country()).isEqualTo("FR");
    assertThat(definition.closures()).containsExactly(Closure.day(LocalDate.of(2026, 12, 24)));
  }

  @Test
  void everyBadFieldIsNamed() {
    InvalidRecordException refused = catchThrowableOfType(InvalidRecordException.class, () -> new CalendarRequest(
        null,
        Map.of("MONDAY", List.of(hours("09:00", "24:30"))),
        null, "57",
        List.of(new CalendarRequest.ClosureRequest(null, null, null),
            new CalendarRequest.ClosureRequest(null, "2026-08-14T18:00", "2026-08-14T14:00"))).toDefinition());

    assertThat(refused.fieldProblems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
        "zone", "weeklyHours.MONDAY[0].to", "subdivision", "closures[0]", "closures[1].to");
  }

  @Test
  void aWeekWithoutWorkingHoursIsRefused() {
    InvalidRecordException refused = catchThrowableOfType(InvalidRecordException.class, () -> new CalendarRequest(
        "Europe/Paris", Map.of("MONDAY", List.of()), "FR", null, null).toDefinition());

    assertThat(refused.fieldProblems()).extracting(FieldProblem::field).containsExactly("weeklyHours");
  }

  @Test
  void anUnknownSubdivisionIsRefused() {
    InvalidRecordException refused = catchThrowableOfType(InvalidRecordException.class, () -> new CalendarRequest(
        "Europe/Paris", Map.of("MONDAY", List.of(hours("09:00", "18:00"))), "FR", "ZZ", null).toDefinition());

    assertThat(refused.fieldProblems()).extracting(FieldProblem::field).containsExactly("subdivision");
  }
}
