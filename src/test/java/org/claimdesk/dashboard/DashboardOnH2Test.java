package org.claimdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.JdbcCaseService;
import org.claimdesk.dashboard.DashboardFigures.Breaches;
import org.claimdesk.dashboard.DashboardFigures.Durations;
import org.claimdesk.dashboard.DashboardFigures.OpenCases;
import org.claimdesk.dashboard.DashboardFigures.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The embedded default (H2): the V9 columns, the dashboard's aggregate queries (percentiles,
 * epoch arithmetic) and the per-case sheet run on H2 as on PostgreSQL; the case events count once
 * per change; the dashboard API and Actuator answer only managers and administrators.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:dashboard;DB_CLOSE_DELAY=-1",
    // On, as in production, so the health endpoint shows the job executor (nothing here starts a process).
    "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("demo")
class DashboardOnH2Test {

  @Autowired
  JdbcCaseService cases;
  @Autowired
  DashboardQueries dashboard;
  @Autowired
  CaseSheets sheets;
  @Autowired
  MeterRegistry meters;
  @Autowired
  DashboardProperties properties;
  @Autowired
  org.camunda.bpm.engine.RepositoryService repository;
  @LocalServerPort
  int port;

  @Test
  @DisplayName("on H2: a case opened, replied, breached and resolved moves each figure and each counter once")
  void figuresAndCountersFollowACase() {
    DashboardFigures before = dashboard.figures();
    double openedBefore = counter("claimdesk.cases.opened", "process", "refund-request");
    double closedBefore = counter("claimdesk.cases.closed", "outcome", "REFUNDED");
    double breachesBefore = counter("claimdesk.sla.breaches", "process", "refund-request");
    long repliesBefore = meters.get("claimdesk.first.reply").tag("process", "refund-request").timer().count();

    String reference = cases.open(new JdbcCaseService.NewCase(CaseType.REFUND_REQUEST, "cus-marie",
        "h2-dash-" + UUID.randomUUID(), Locale.FRENCH, "Rien reçu.")).reference();
    cases.updateStatus(reference, CaseStatus.IN_REVIEW);
    cases.recordFirstReply(reference);
    cases.recordFirstReply(reference);
    Instant due = Instant.now().minus(1, ChronoUnit.HOURS);
    cases.recordSlaBreach(reference, "Task_ReviewClaim", due, Instant.now());
    cases.recordSlaBreach(reference, "Task_ReviewClaim", due, Instant.now());
    DashboardFigures open = dashboard.figures();
    cases.recordOutcome(reference, CaseStatus.RESOLVED, CaseOutcome.REFUNDED, "RF-2");
    cases.updateStatus(reference, CaseStatus.CLOSED);
    DashboardFigures after = dashboard.figures();

    assertThat(openCount(open, "IN_REVIEW") - openCount(before, "IN_REVIEW")).isEqualTo(1);
    assertThat(openCount(after, "IN_REVIEW")).isEqualTo(openCount(before, "IN_REVIEW"));
    assertThat(breaches(after, "refund-request").thisWeek() - breaches(before, "refund-request").thisWeek())
        .isEqualTo(1);
    assertThat(breaches(after, "refund-request").thisMonth() - breaches(before, "refund-request").thisMonth())
        .isEqualTo(1);
    Breaches support = after.slaBreachesByGroup().stream().filter(b -> b.key().equals("support")).findFirst()
        .orElseThrow();
    assertThat(support.thisMonth()).isGreaterThanOrEqualTo(1);
    Durations times = after.timesThisMonth().stream().filter(t -> t.process().equals("refund-request"))
        .findFirst().orElseThrow();
    assertThat(times.firstReplies()).isGreaterThanOrEqualTo(1);
    assertThat(times.firstReplyMedianSeconds()).isNotNull().isGreaterThanOrEqualTo(0.0);
    assertThat(times.resolutionP90Seconds()).isNotNull().isGreaterThanOrEqualTo(0.0);
    assertThat(outcome(after, "REFUNDED", "RF-2") - outcome(before, "REFUNDED", "RF-2")).isEqualTo(1);

    assertThat(counter("claimdesk.cases.opened", "process", "refund-request") - openedBefore).isEqualTo(1);
    assertThat(counter("claimdesk.cases.closed", "outcome", "REFUNDED") - closedBefore).isEqualTo(1);
    assertThat(counter("claimdesk.sla.breaches", "process", "refund-request") - breachesBefore).isEqualTo(1);
    assertThat(meters.get("claimdesk.first.reply").tag("process", "refund-request").timer().count() - repliesBefore)
        .isEqualTo(1);

    CaseSheet sheet = sheets.ofReference(reference).orElseThrow();
    assertThat(sheet.customer().name()).isEqualTo("Marie Dubois");
    assertThat(sheet.verdict().outcome()).isEqualTo("REFUNDED");
    assertThat(sheet.verdict().ruleId()).isEqualTo("RF-2");
    assertThat(sheet.status()).isEqualTo("CLOSED");
    assertThat(sheet.firstReplyAt()).isNotNull();
    assertThat(sheet.closedAt()).isNotNull();
    assertThat(sheet.slaBreaches()).hasSize(1);
    assertThat(sheet.timeline()).extracting(CaseSheet.Event::kind).contains("CLAIM_FILED");
  }

  @Test
  @DisplayName("claimdesk.dashboard.review-tasks names each process's own review task: the one its SL-1 timer watches, in its group")
  void eachProcessReviewTaskIsFound() {
    assertThat(properties.reviewTasks()).containsOnlyKeys(java.util.Arrays.stream(CaseType.values())
        .map(CaseType::processKey).toArray(String[]::new));
    for (CaseType type : CaseType.values()) {
      String processKey = type.processKey();
      org.camunda.bpm.engine.repository.ProcessDefinition latest = repository.createProcessDefinitionQuery()
          .processDefinitionKey(processKey).latestVersion().singleResult();
      org.camunda.bpm.model.bpmn.instance.BoundaryEvent due = repository.getBpmnModelInstance(latest.getId())
          .getModelElementById("Timer_FirstReplyDue");
      assertThat(properties.reviewTaskOf(processKey)).as(processKey)
          .isEqualTo(due.getAttachedTo().getId());
    }
    assertThat(properties.reviewTaskOf("payment-discrepancy")).isEqualTo("Task_InvestigateDiscrepancy");
    assertThat(properties.reviewTaskOf("wallet-recharge-issue")).isEqualTo("Task_InvestigateRecharge");
    assertThat(dashboard.reviewGroupOf("refund-request")).isEqualTo("support");
    assertThat(dashboard.reviewGroupOf("subscription-cancellation")).isEqualTo("support");
    assertThat(dashboard.reviewGroupOf("payment-discrepancy")).isEqualTo("finance");
    assertThat(dashboard.reviewGroupOf("wallet-recharge-issue")).isEqualTo("finance");
    assertThat(properties.isReviewTask("wallet-recharge-issue", "Task_ReviewClaim")).isFalse();
    assertThat(properties.isReviewTask("refund-request", "Task_InvestigateRecharge")).isFalse();
  }

  @Test
  @DisplayName("a case reopened and closed again counts a second closing; reopened, it has no closing time")
  void aReopenedCaseClosesAgain() {
    String reference = cases.open(new JdbcCaseService.NewCase(CaseType.PAYMENT_DISCREPANCY, "cus-james",
        "h2-dash-" + UUID.randomUUID(), Locale.ENGLISH, "Charged twice.")).reference();
    double closedBefore = counter("claimdesk.cases.closed", "outcome", "NO_FAULT_FOUND");
    cases.recordOutcome(reference, CaseStatus.RESOLVED, CaseOutcome.NO_FAULT_FOUND, "PD-5");
    Instant firstClosing = sheets.ofReference(reference).orElseThrow().closedAt();
    cases.updateStatus(reference, CaseStatus.IN_REVIEW);
    assertThat(sheets.ofReference(reference).orElseThrow().closedAt()).isNull();
    cases.recordOutcome(reference, CaseStatus.RESOLVED, CaseOutcome.NO_FAULT_FOUND, "PD-5");

    assertThat(counter("claimdesk.cases.closed", "outcome", "NO_FAULT_FOUND") - closedBefore).isEqualTo(2);
    assertThat(sheets.ofReference(reference).orElseThrow().closedAt()).isAfterOrEqualTo(firstClosing);
  }

  @Test
  @DisplayName("the dashboard API and Actuator: managers and admin only; the bare health status is open")
  void onlyManagersAndAdminsSeeFigures() {
    assertThat(get("/api/dashboard", null).getStatusCode().value()).isEqualTo(401);
    assertThat(get("/api/dashboard", "anna").getStatusCode().value()).isEqualTo(403);
    assertThat(get("/api/dashboard", "shop").getStatusCode().value()).isEqualTo(403);
    assertThat(get("/api/dashboard", "mia").getStatusCode().value()).isEqualTo(200);
    assertThat(get("/api/dashboard", "admin").getStatusCode().value()).isEqualTo(200);
    assertThat(get("/api/dashboard/cases/CD-00000000", "mia").getStatusCode().value()).isEqualTo(404);

    assertThat(get("/actuator/prometheus", null).getStatusCode().value()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "anna").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> scrape = http().get().uri("/actuator/prometheus")
        .headers(h -> h.setBasicAuth("mia", "demo")).retrieve().toEntity(String.class);
    assertThat(scrape.getStatusCode().value()).isEqualTo(200);
    assertThat(scrape.getBody()).contains("claimdesk_cases_opened_total{").contains("claimdesk_jobs_due")
        .contains("claimdesk_first_reply_seconds_bucket{");

    ResponseEntity<JsonNode> bare = get("/actuator/health", null);
    assertThat(bare.getStatusCode().value()).isIn(200, 503);
    assertThat(bare.getBody().has("status")).isTrue();
    assertThat(bare.getBody().has("components")).as(bare.getBody().toString()).isFalse();
    assertThat(get("/actuator/health", "anna").getBody().has("components")).isFalse();
    JsonNode detailed = get("/actuator/health", "mia").getBody();
    assertThat(detailed.path("components").has("db")).as(detailed.toString()).isTrue();
    assertThat(detailed.path("components").path("jobExecutor").path("status").asText()).as(detailed.toString())
        .isEqualTo("UP");
    assertThat(detailed.path("components").path("mail").path("status").asText()).isEqualTo("UP");
    assertThat(detailed.path("components").path("mail").path("details").path("smtp").asText())
        .startsWith("not configured");
  }

  @Test
  @DisplayName("with a Cockpit login, /api/dashboard answers the session's manager and leaves the session as it was")
  void theCockpitSessionReadsTheFiguresAndStaysLoggedIn() throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/cockpit/default/"))
        .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    java.net.http.HttpResponse<Void> login = client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=mia&password=demo")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(login.statusCode()).isEqualTo(200);

    java.net.http.HttpResponse<String> figures = client.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(base + "/api/dashboard")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(figures.statusCode()).isEqualTo(200);
    assertThat(figures.body()).contains("\"openCases\"");
    assertThat(figures.headers().allValues("Set-Cookie")).as("the session id is left alone")
        .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    java.net.http.HttpResponse<String> me = client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/camunda/api/admin/auth/user/default")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).as("still logged in to Cockpit").isEqualTo(200);
    assertThat(me.body()).contains("\"userId\":\"mia\"");
  }

  @Test
  @DisplayName("bad paging or a blank process instance: 400 problem+json naming the field")
  void badInputNamesTheField() {
    ResponseEntity<JsonNode> size = get("/api/dashboard/overdue-replies?size=0", "mia");
    assertThat(size.getStatusCode().value()).isEqualTo(400);
    assertThat(size.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(size.getBody().toString()).contains("size");
    ResponseEntity<JsonNode> page = get("/api/dashboard/overdue-replies?page=-1", "mia");
    assertThat(page.getStatusCode().value()).isEqualTo(400);
    assertThat(page.getBody().toString()).contains("page");
    ResponseEntity<JsonNode> blank = get("/api/dashboard/cases?processInstanceId=", "mia");
    assertThat(blank.getStatusCode().value()).isEqualTo(400);
    assertThat(blank.getBody().path("errors").get(0).path("field").asText()).isEqualTo("processInstanceId");
    assertThat(get("/api/dashboard/overdue-replies?page=0&size=10", "mia").getStatusCode().value()).isEqualTo(200);
  }

  private ResponseEntity<JsonNode> get(String path, String user) {
    return http().get().uri(path).headers(h -> {
      if (user != null) {
        h.setBasicAuth(user, "demo");
      }
    }).retrieve().toEntity(JsonNode.class);
  }

  private RestClient http() {
    return RestClient.builder().baseUrl("http://localhost:" + port).requestFactory(new JdkClientHttpRequestFactory())
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
  }

  private double counter(String name, String tag, String value) {
    return meters.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private static long openCount(DashboardFigures figures, String status) {
    return figures.openCases().stream().filter(o -> o.process().equals("refund-request") && o.status().equals(status))
        .mapToLong(OpenCases::cases).sum();
  }

  private static Breaches breaches(DashboardFigures figures, String process) {
    return figures.slaBreachesByProcess().stream().filter(b -> b.key().equals(process)).findFirst().orElseThrow();
  }

  private static long outcome(DashboardFigures figures, String outcome, String ruleId) {
    return figures.outcomesThisMonth().stream().filter(o -> o.outcome().equals(outcome) && ruleId.equals(o.ruleId()))
        .mapToLong(Outcome::cases).sum();
  }
}
