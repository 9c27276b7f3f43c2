package org.claimdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue #26 on PostgreSQL: the managers' service calendar API, its versions and who may change it.
 * Other tests share the database, so versions are compared with the one current when a test starts
 * (on a fresh database the seeded default is version 1 and the first edit version 2).
 */
@PostgresIntegrationTest
class ServiceCalendarApiIT {

  static final String PROFILE = "strict";

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  ClaimdeskApi api;

  @BeforeEach
  void api() {
    api = new ClaimdeskApi(port);
  }

  @Test
  void theDefaultCalendarIsTheConfiguredOneStoredAsVersion1() {
    ResponseEntity<JsonNode> first = get("/api/staff/calendars/" + PROFILE + "/versions/1", "anna");

    assertThat(first.getStatusCode().value()).isEqualTo(200);
    JsonNode body = first.getBody();
    assertThat(body.path("version").asInt()).isEqualTo(1);
    assertThat(body.path("createdBy").asText()).isEqualTo(ServiceCalendars.CONFIGURATION);
    assertThat(body.path("zone").asText()).isEqualTo("Europe/Paris");
    assertThat(body.path("country").asText()).isEqualTo("FR");
    assertThat(body.path("weeklyHours").path("MONDAY").get(0).path("from").asText()).isEqualTo("09:00");
    assertThat(body.path("weeklyHours").path("MONDAY").get(0).path("to").asText()).isEqualTo("18:00");
    assertThat(body.path("weeklyHours").path("SATURDAY")).isEmpty();
  }

  @Test
  void aManagersEditIsANewVersionAndTheOldOneStaysReadable() {
    int before = current().path("version").asInt();
    JsonNode old = get("/api/staff/calendars/" + PROFILE + "/versions/" + before, "mia").getBody();

    ResponseEntity<JsonNode> saved = put(PROFILE, Map.of(
        "zone", "Europe/Paris",
        "weeklyHours", Map.of(
            "MONDAY", List.of(Map.of("from", "09:00", "to", "12:30"), Map.of("from", "13:30", "to", "18:00")),
            "TUESDAY", List.of(Map.of("from", "09:00", "to", "18:00"))),
        "country", "FR",
        "closures", List.of(Map.of("date", "2026-12-24"),
            Map.of("from", "2026-08-14T14:00", "to", "2026-08-14T18:00"))), "mia");

    assertThat(saved.getStatusCode().value()).isEqualTo(200);
    assertThat(saved.getBody().path("version").asInt()).isEqualTo(before + 1);
    assertThat(saved.getBody().path("createdBy").asText()).isEqualTo("mia");
    assertThat(current().path("version").asInt()).isEqualTo(before + 1);
    assertThat(current().path("weeklyHours").path("MONDAY")).hasSize(2);
    assertThat(current().path("closures")).hasSize(2);
    // The version a running case started with is unchanged.
    assertThat(get("/api/staff/calendars/" + PROFILE + "/versions/" + before, "anna").getBody()).isEqualTo(old);
    assertThat(get("/api/staff/calendars/" + PROFILE + "/versions/1", "anna").getStatusCode().value()).isEqualTo(200);
    assertThat(versionsStored()).isEqualTo(before + 1);

    restoreDefault();
  }

  @Test
  void badInputNamesEachFieldAndStoresNothing() {
    int before = current().path("version").asInt();
    long rows = versionsStored();

    ResponseEntity<JsonNode> refused = put(PROFILE, Map.of(
        "zone", "Europe/Lutetia",
        "weeklyHours", Map.of(
            "FUNDAY", List.of(Map.of("from", "09:00", "to", "18:00")),
            "MONDAY", List.of(Map.of("from", "18:00", "to", "09:00")),
            "TUESDAY", List.of(Map.of("from", "9 o'clock", "to", "18:00")),
            "WEDNESDAY", List.of(Map.of("from", "09:00", "to", "13:00"), Map.of("from", "12:00", "to", "18:00"))),
        "country", "XX",
        "closures", List.of(Map.of("date", "24/12/2026"), Map.of("from", "2026-08-14T14:00"))), "mia");

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
        "zone", "weeklyHours.FUNDAY", "weeklyHours.MONDAY[0].to", "weeklyHours.TUESDAY[0].from",
        "weeklyHours.WEDNESDAY[1]", "country", "closures[0].date", "closures[1].to");
    assertThat(current().path("version").asInt()).isEqualTo(before);
    assertThat(versionsStored()).isEqualTo(rows);
  }

  @Test
  void supportMayReadButNotChangeACalendar() {
    int before = current().path("version").asInt();

    ResponseEntity<JsonNode> refused = put(PROFILE, Map.of("zone", "Europe/Paris",
        "weeklyHours", Map.of("MONDAY", List.of(Map.of("from", "09:00", "to", "18:00"))), "country", "FR"), "anna");

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(get("/api/staff/calendars/" + PROFILE, "anna").getStatusCode().value()).isEqualTo(200);
    assertThat(current().path("version").asInt()).isEqualTo(before);
  }

  @Test
  void theDueEndpointCountsBusinessHoursOnTheCalendar() {
    // Version 1, the default: Friday 3 April 2026 18:00 in Paris (16:00 UTC), Easter Monday next:
    // 24 working hours are Tuesday 9 h, Wednesday 9 h, Thursday 6 h -> Thursday 9 April 15:00 CEST.
    ResponseEntity<JsonNode> due = get("/api/staff/calendars/" + PROFILE
        + "/due?from=2026-04-03T16:00:00Z&hours=24&version=1", "anna");

    assertThat(due.getStatusCode().value()).isEqualTo(200);
    assertThat(due.getBody().path("due").asText()).isEqualTo("2026-04-09T13:00:00Z");
    assertThat(due.getBody().path("dueLocal").asText()).isEqualTo("2026-04-09T15:00:00+02:00");
    assertThat(due.getBody().path("version").asInt()).isEqualTo(1);

    ResponseEntity<JsonNode> bad = get("/api/staff/calendars/" + PROFILE + "/due?from=friday&hours=-1", "anna");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("from", "hours");
  }

  @Test
  void aProfileWithoutACalendarIsNotFound() {
    assertThat(get("/api/staff/calendars/nobody", "mia").getStatusCode().value()).isEqualTo(404);
    assertThat(get("/api/staff/calendars/" + PROFILE + "/versions/99999", "mia").getStatusCode().value())
        .isEqualTo(404);
    assertThat(get("/api/staff/calendars/" + PROFILE, "shop").getStatusCode().value()).isEqualTo(403);
  }

  private JsonNode current() {
    ResponseEntity<JsonNode> answer = get("/api/staff/calendars/" + PROFILE, "mia");
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody();
  }

  /** Saves the configured default again (as a new version), so other tests see the usual hours. */
  private void restoreDefault() {
    JsonNode first = get("/api/staff/calendars/" + PROFILE + "/versions/1", "mia").getBody();
    assertThat(put(PROFILE, Map.of("zone", first.path("zone").asText(), "weeklyHours", first.path("weeklyHours"),
        "country", first.path("country").asText(), "closures", first.path("closures")), "mia")
        .getStatusCode().value()).isEqualTo(200);
  }

  private long versionsStored() {
    return jdbc.sql("select count(*) from claimdesk.service_calendar where profile_key = :p").param("p", PROFILE)
        .query(Long.class).single();
  }

  private ResponseEntity<JsonNode> get(String path, String user) {
    return api.http().get().uri(path).headers(h -> h.setBasicAuth(user, "demo")).retrieve().toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> put(String profile, Object body, String user) {
    return api.http().put().uri("/api/staff/calendars/" + profile).contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBasicAuth(user, "demo")).body(body).retrieve().toEntity(JsonNode.class);
  }
}
