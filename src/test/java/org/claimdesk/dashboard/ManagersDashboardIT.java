package org.claimdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.testsupport.Browser;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue 9's "done when", against the running application on PostgreSQL: cases run through the
 * customer API and Tasklist's REST API (one refused at once, one paid, one whose first reply is
 * late by moving the engine clock past 48 h), then the dashboard API, the Prometheus counters and
 * Cockpit itself, in headless Chromium logged in as the demo manager, show exactly those changes.
 * Other integration tests share the database, so figures are compared before and after. It runs
 * in a JVM of its own (a Failsafe execution, see pom.xml): in the shared one, another cached test
 * context may hold the Camunda webapps' and REST API's static engine registry.
 */
@PostgresIntegrationTest
class ManagersDashboardIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  HistoryService historyService;

  ClaimdeskApi api;

  @BeforeEach
  void client() {
    api = new ClaimdeskApi(port);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("cases refused, paid and late (SL-1 breach by moving time) show on the Cockpit dashboard and in the counters")
  void theDashboardAndTheCountersShowTheCasesThatRan() throws Exception {
    JsonNode before = dashboard();
    String scrapeBefore = scrape();

    // Refused at once (RF-2): a non-delivery claim 10 days after the order.
    JsonNode refused = api.claim(api.order("SERVICE", "BOOKED", Instant.now().minus(Duration.ofDays(10)), null, 9000),
        "NOT_DELIVERED", null).getBody();
    assertThat(refused.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(refused.path("ruleId").asText()).isEqualTo("RF-2");

    // Paid: the agent offers 30.00 EUR back, the customer accepts, the payout job runs.
    JsonNode paid = api.claim(api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        LocalDate.now(ZoneOffset.UTC).minusDays(3), 9000), "SERVICE_ISSUE", null).getBody();
    String paidReference = paid.path("reference").asText();
    String paidInstance = instanceOf(paidReference);
    Task review = taskService.createTaskQuery().processInstanceId(paidInstance).taskDefinitionKey("Task_ReviewClaim")
        .singleResult();
    assertThat(api.completeTask(review.getId(), "anna", Map.of("reviewDecision", "OFFER",
        "offerType", "PARTIAL_REFUND", "offerAmount", 30.0, "replyMessage", "Part of your money back."))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(api.http().post().uri("/api/cases/" + paidReference + "/offer/accept")
        .header("X-Case-Token", paid.path("accessToken").asText()).retrieve().toBodilessEntity()
        .getStatusCode().value()).isEqualTo(204);
    EngineJobs.executeAsyncJobs(managementService, paidInstance);
    JsonNode paidCase = api.caseOf(paidReference, paid.path("accessToken").asText());
    assertThat(paidCase.path("outcome").asText()).isEqualTo("PARTIALLY_REFUNDED");
    String paidRule = paidCase.path("ruleId").asText(null);

    // Late (SL-1): no one answers; 49 hours later the 24 h and 48 h timers fire.
    JsonNode late = api.claim(api.order("SERVICE", "BOOKED", Instant.now().minus(Duration.ofDays(3)), null, 9000),
        "NOT_DELIVERED", null).getBody();
    String lateReference = late.path("reference").asText();
    String lateInstance = instanceOf(lateReference);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(49))));
    for (Job timer : managementService.createJobQuery().processInstanceId(lateInstance).timers()
        .orderByJobDuedate().asc().list()) {
      managementService.executeJob(timer.getId());
    }
    assertThat(taskService.createTaskQuery().processInstanceId(lateInstance).taskDefinitionKey("Task_HandleEscalation")
        .count()).as("escalated to managers").isEqualTo(1);
    JsonNode overdue = get("/api/dashboard/overdue-replies?size=500", "mia").getBody();
    assertThat(overdue.findValuesAsText("caseReference")).contains(lateReference);
    ClockUtil.reset();

    JsonNode after = dashboard();
    assertThat(openCases(after, "IN_REVIEW") - openCases(before, "IN_REVIEW")).as("the late case is open").isEqualTo(1);
    assertThat(breaches(after, "slaBreachesByProcess", "refund-request", "thisWeek")
        - breaches(before, "slaBreachesByProcess", "refund-request", "thisWeek")).isEqualTo(1);
    assertThat(breaches(after, "slaBreachesByProcess", "refund-request", "thisMonth")
        - breaches(before, "slaBreachesByProcess", "refund-request", "thisMonth")).isEqualTo(1);
    assertThat(breaches(after, "slaBreachesByGroup", "support", "thisMonth")
        - breaches(before, "slaBreachesByGroup", "support", "thisMonth")).isEqualTo(1);
    assertThat(outcome(after, "REFUSED", "RF-2", "cases") - outcome(before, "REFUSED", "RF-2", "cases")).isEqualTo(1);
    assertThat(outcome(after, "REFUSED", "RF-2", "withoutReview") - outcome(before, "REFUSED", "RF-2", "withoutReview"))
        .isEqualTo(1);
    assertThat(outcome(after, "PARTIALLY_REFUNDED", paidRule, "cases")
        - outcome(before, "PARTIALLY_REFUNDED", paidRule, "cases")).isEqualTo(1);
    assertThat(outcome(after, "PARTIALLY_REFUNDED", paidRule, "amount")
        - outcome(before, "PARTIALLY_REFUNDED", paidRule, "amount")).as("30.00 EUR moved").isEqualTo(3000);
    assertThat(times(after, "refund-request", "firstReplies") - times(before, "refund-request", "firstReplies"))
        .isEqualTo(1);
    assertThat(times(after, "refund-request", "resolved") - times(before, "refund-request", "resolved")).isEqualTo(2);

    String scrapeAfter = scrape();
    assertThat(delta(scrapeBefore, scrapeAfter, "claimdesk_cases_opened_total", "process=\"refund-request\""))
        .isEqualTo(3);
    assertThat(delta(scrapeBefore, scrapeAfter, "claimdesk_cases_closed_total", "process=\"refund-request\"",
        "outcome=\"REFUSED\"", "status=\"REJECTED\"")).isEqualTo(1);
    assertThat(delta(scrapeBefore, scrapeAfter, "claimdesk_cases_closed_total", "process=\"refund-request\"",
        "outcome=\"PARTIALLY_REFUNDED\"", "status=\"RESOLVED\"")).isEqualTo(1);
    assertThat(delta(scrapeBefore, scrapeAfter, "claimdesk_sla_breaches_total", "process=\"refund-request\""))
        .isEqualTo(1);
    assertThat(delta(scrapeBefore, scrapeAfter, "claimdesk_first_reply_seconds_count", "process=\"refund-request\""))
        .isEqualTo(1);
    assertThat(delta(scrapeBefore, scrapeAfter, "claimdesk_payouts_total", "kind=\"REFUND\"", "currency=\"EUR\""))
        .isEqualTo(1);
    assertThat(delta(scrapeBefore, scrapeAfter, "claimdesk_payout_amount_minor_units_sum", "kind=\"REFUND\"",
        "currency=\"EUR\"")).isEqualTo(3000);
    assertThat(scrapeAfter).contains("claimdesk_jobs_due{").contains("claimdesk_incidents_open{");

    try (Browser browser = Browser.open(port)) {
      showInCockpit(browser, "#/dashboard", false);
      assertThat(figureText(browser, "breaches-week-refund-request"))
          .isEqualTo(String.valueOf(breaches(after, "slaBreachesByProcess", "refund-request", "thisWeek")));
      assertThat(figureText(browser, "breaches-month-group-support"))
          .isEqualTo(String.valueOf(breaches(after, "slaBreachesByGroup", "support", "thisMonth")));
      assertThat(figureText(browser, "open-refund-request-IN_REVIEW"))
          .isEqualTo(String.valueOf(openCases(after, "IN_REVIEW")));
      assertThat(figureText(browser, "outcome-REFUSED-RF-2-none"))
          .isEqualTo(String.valueOf(outcome(after, "REFUSED", "RF-2", "cases")));
      assertThat(figureText(browser, "outcome-PARTIALLY_REFUNDED-" + (paidRule == null ? "none" : paidRule) + "-EUR"))
          .isEqualTo(String.valueOf(outcome(after, "PARTIALLY_REFUNDED", paidRule, "cases")));
      ((org.openqa.selenium.JavascriptExecutor) browser.driver())
          .executeScript("document.getElementById('claimdesk-dashboard').scrollIntoView()");
      browser.screenshot("cockpit-dashboard");

      // The per-case view: the paid case's reference, verdict and money in its process-instance page.
      showInCockpit(browser, "#/process-instance/" + paidInstance + "/runtime", true);
      assertThat(figureText(browser, "case-reference")).isEqualTo(paidReference);
      assertThat(figureText(browser, "case-outcome")).isEqualTo("PARTIALLY_REFUNDED");
      assertThat(figureText(browser, "payout-" + paidReference + ":refund")).isEqualTo("€30.00");
      browser.screenshot("cockpit-case");
    }
  }

  @Test
  @DisplayName("each process's own review task counts: a discrepancy's and a wallet case's investigations show overdue, and their completion is the first reply")
  void eachProcessReviewTaskIsTheFirstReply() {
    JsonNode before = dashboard();
    String discrepancyOrder = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(5)), null, 3900);
    JsonNode discrepancy = api.http().post().uri("/api/discrepancy-reports")
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body(Map.of("paymentId", "it-pay-" + discrepancyOrder.substring(7), "email",
            ClaimdeskApi.emailOf(discrepancyOrder), "kind", "NOT_RECOGNIZED", "description", "I do not know this shop.",
            "channel", "WEB", "language", "en"))
        .retrieve().toEntity(JsonNode.class).getBody();
    String walletOrder = api.order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(Duration.ofHours(80)), null, 4000);
    JsonNode wallet = api.http().post().uri("/api/wallet-recharge-issues")
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body(Map.of("orderId", walletOrder, "payerName", "Someone Else", "email", ClaimdeskApi.emailOf(walletOrder),
            "language", "en"))
        .retrieve().toEntity(JsonNode.class).getBody();
    String discrepancyReference = discrepancy.path("reference").asText();
    String walletReference = wallet.path("reference").asText();
    EngineJobs.executeAsyncJobs(managementService, instanceOf(discrepancyReference));
    EngineJobs.executeAsyncJobs(managementService, instanceOf(walletReference));
    Task investigation = taskService.createTaskQuery().processInstanceBusinessKey(discrepancyReference)
        .taskDefinitionKey("Task_InvestigateDiscrepancy").singleResult();
    Task rechargeInvestigation = taskService.createTaskQuery().processInstanceBusinessKey(walletReference)
        .taskDefinitionKey("Task_InvestigateRecharge").singleResult();
    assertThat(investigation).isNotNull();
    assertThat(rechargeInvestigation).isNotNull();

    // 49 hours on, without firing a timer: both investigations are overdue first replies.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(49))));
    JsonNode overdue = get("/api/dashboard/overdue-replies?size=500", "mia").getBody();
    assertThat(overdue.findValuesAsText("caseReference")).contains(discrepancyReference, walletReference);
    ClockUtil.reset();

    assertThat(api.completeTask(investigation.getId(), "fred", Map.of("investigationStep", "ASK_PROCESSOR",
        "institution", "PROCESSOR", "requestText", "3-D Secure record, please.")).getStatusCode().value())
        .isEqualTo(204);
    assertThat(api.completeTask(rechargeInvestigation.getId(), "fred", Map.of("finding", "NOT_PAID",
        "replyMessage", "The payment never completed.")).getStatusCode().value()).isEqualTo(204);

    JsonNode after = dashboard();
    assertThat(times(after, "payment-discrepancy", "firstReplies") - times(before, "payment-discrepancy", "firstReplies"))
        .as("the discrepancy investigation's completion is its first reply").isEqualTo(1);
    assertThat(times(after, "wallet-recharge-issue", "firstReplies")
        - times(before, "wallet-recharge-issue", "firstReplies"))
        .as("the recharge investigation's completion is its first reply").isEqualTo(1);
  }

  @Test
  @DisplayName("history cleanup removes a finished case's engine history after its 180 days; the figures stay as they were")
  void historyCleanupLeavesTheFiguresAsTheyWere() {
    JsonNode refused = api.claim(api.order("SERVICE", "BOOKED", Instant.now().minus(Duration.ofDays(10)), null, 9000),
        "NOT_DELIVERED", null).getBody();
    String reference = refused.path("reference").asText();
    String instanceId = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getRemovalTime()).as("removal time = end + 180 days").isNotNull();
    JsonNode sheetBefore = get("/api/dashboard/cases/" + reference, "mia").getBody();

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(181))));
    JsonNode figuresBefore = withoutTime(dashboard());
    String cleanup = historyService.cleanUpHistoryAsync(true).getId();
    for (int run = 0; run < 100 && historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
        .count() > 0; run++) {
      managementService.executeJob(cleanup);
    }

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count())
        .as("engine history removed").isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(withoutTime(dashboard())).isEqualTo(figuresBefore);
    JsonNode sheetAfter = get("/api/dashboard/cases/" + reference, "mia").getBody();
    assertThat(sheetAfter).isEqualTo(sheetBefore);
    assertThat(sheetAfter.path("verdict").path("ruleId").asText()).isEqualTo("RF-2");
    assertThat(sheetAfter.path("timeline").findValuesAsText("kind")).contains("CLAIM_FILED", "CLAIM_REFUSED");
  }

  // ------------------------------------------------------------------ helpers

  private String instanceOf(String reference) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
  }

  private JsonNode dashboard() {
    ResponseEntity<JsonNode> answer = get("/api/dashboard", "mia");
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody();
  }

  private ResponseEntity<JsonNode> get(String path, String user) {
    return api.http().get().uri(path).headers(h -> h.setBasicAuth(user, "demo")).retrieve().toEntity(JsonNode.class);
  }

  private String scrape() {
    ResponseEntity<String> answer = api.http().get().uri("/actuator/prometheus")
        .headers(h -> h.setBasicAuth("mia", "demo")).retrieve().toEntity(String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody();
  }

  /** The change of a Prometheus sample (summed over the series that carry every label) between two scrapes. */
  private static double delta(String before, String after, String name, String... labels) {
    return sample(after, name, labels) - sample(before, name, labels);
  }

  private static double sample(String scrape, String name, String... labels) {
    return scrape.lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static long openCases(JsonNode figures, String status) {
    long cases = 0;
    for (JsonNode row : figures.path("openCases")) {
      if (row.path("process").asText().equals("refund-request") && row.path("status").asText().equals(status)) {
        cases += row.path("cases").asLong();
      }
    }
    return cases;
  }

  private static long breaches(JsonNode figures, String list, String key, String field) {
    for (JsonNode row : figures.path(list)) {
      if (row.path("key").asText().equals(key)) {
        return row.path(field).asLong();
      }
    }
    return 0;
  }

  private static long outcome(JsonNode figures, String outcome, String ruleId, String field) {
    long sum = 0;
    for (JsonNode row : figures.path("outcomesThisMonth")) {
      if (row.path("outcome").asText().equals(outcome) && java.util.Objects.equals(row.path("ruleId").asText(null), ruleId)) {
        sum += row.path(field).asLong();
      }
    }
    return sum;
  }

  private static long times(JsonNode figures, String process, String field) {
    for (JsonNode row : figures.path("timesThisMonth")) {
      if (row.path("process").asText().equals(process)) {
        return row.path(field).asLong();
      }
    }
    return 0;
  }

  private static JsonNode withoutTime(JsonNode figures) {
    ObjectNode copy = figures.deepCopy();
    copy.remove(List.of("asOf"));
    return copy;
  }

  private static String figureText(Browser browser, String figure) {
    By cell = By.cssSelector("[data-figure='" + figure + "']");
    try {
      return browser.waitFor(cell).getText().strip();
    } catch (TimeoutException e) {
      String page = browser.driver().findElement(By.tagName("body")).getText();
      throw new IllegalStateException("No figure " + figure + " on " + browser.driver().getCurrentUrl()
          + "; the page reads: " + page.substring(0, Math.min(3000, page.length())), e);
    }
  }

  /**
   * Logs in to Cockpit as the demo manager and opens {@code route} until the plugin shows there
   * (the dashboard, or the "Case" tab of a process instance); on a busy machine, try again (at
   * most three times) when Cockpit is too slow.
   */
  private static void showInCockpit(Browser browser, String route, boolean caseTab) {
    By shown = caseTab ? By.id("claimdesk-case") : By.cssSelector("#claimdesk-dashboard [data-figure='as-of']");
    for (int attempt = 1; ; attempt++) {
      try {
        browser.loginTo("cockpit", "mia", "demo");
        browser.go("/camunda/app/cockpit/default/" + route);
        if (caseTab) {
          clickCaseTab(browser);
        }
        browser.waitFor(shown);
        return;
      } catch (RuntimeException e) {
        if (attempt == 3) {
          String page = browser.driver().findElement(By.tagName("body")).getText();
          screenshotQuietly(browser, "cockpit-not-shown");
          throw new IllegalStateException("Cockpit did not show " + shown + " on " + browser.driver().getCurrentUrl()
              + "; the page reads: " + page.substring(0, Math.min(3000, page.length())), e);
        }
      }
    }
  }

  private static void screenshotQuietly(Browser browser, String name) {
    try {
      browser.screenshot(name);
    } catch (java.io.IOException | RuntimeException e) {
      // the failure being reported matters more
    }
  }

  private static void clickCaseTab(Browser browser) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .until(driver -> {
          driver.findElement(By.xpath("//a[normalize-space()='Case']")).click();
          return !driver.findElements(By.id("claimdesk-case")).isEmpty();
        });
  }
}
