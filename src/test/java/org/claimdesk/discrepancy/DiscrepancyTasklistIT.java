package org.claimdesk.discrepancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.testsupport.Browser;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The two user tasks of {@code payment-discrepancy} open with their Camunda Forms in Tasklist for
 * the group they belong to (headless Chromium): finance's investigation and the managers' review of
 * a dissatisfied customer (PD-6).
 */
@PostgresIntegrationTest
class DiscrepancyTasklistIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("PD-3, PD-6: the investigation opens with its form for finance, the dissatisfaction review for managers")
  void investigationAndDissatisfactionReviewOpenWithTheirForms() throws Exception {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String order = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(5)), null, 3900);
    JsonNode filed = api.http().post().uri("/api/discrepancy-reports").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("paymentId", "it-pay-" + order.substring(7), "email", ClaimdeskApi.emailOf(order),
            "kind", "NOT_RECOGNIZED", "description", "I do not know this shop.", "channel", "WEB", "language", "en"))
        .retrieve().toEntity(JsonNode.class).getBody();
    String reference = filed.path("reference").asText();
    String token = filed.path("accessToken").asText();
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    EngineJobs.executeAsyncJobs(managementService, instanceId);
    Task investigation = task(reference, "Task_InvestigateDiscrepancy");
    assertThat(taskService.getIdentityLinksForTask(investigation.getId()))
        .anyMatch(link -> "finance".equals(link.getGroupId()));

    try (Browser browser = Browser.open(port)) {
      browser.loginTo("tasklist", "fred", "demo");
      browser.go("/camunda/app/tasklist/default/#/?task=" + investigation.getId());
      browser.waitForText(By.cssSelector(".fjs-container"), "What the customer reported");
      assertThat(formValues(browser)).contains("I do not know this shop.");
      browser.screenshot("tasklist-investigate-discrepancy");

      // Finance finds nothing wrong; after the follow-up delay the customer says they are not satisfied.
      assertThat(api.completeTask(investigation.getId(), "fred", Map.of(
          DiscrepancyVariables.INVESTIGATION_STEP, "RECORD_FINDING",
          DiscrepancyVariables.CAUSE, "NO_DISCREPANCY",
          DiscrepancyVariables.CONCLUSION, "The payment was made with your card at 14:02 on the shop's site."))
          .getStatusCode().value()).isEqualTo(204);
      EngineJobs.executeAsyncJobs(managementService, instanceId);
      EngineJobs.fireTimersDueBy(managementService, Instant.now().plus(Duration.ofDays(8)));
      assertThat(api.http().post().uri("/api/cases/" + reference + "/feedback").header("X-Case-Token", token)
          .contentType(MediaType.APPLICATION_JSON).body(Map.of("satisfied", false, "comment", "Still not me."))
          .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
      Task review = task(reference, "Task_ReviewDissatisfaction");
      assertThat(taskService.getIdentityLinksForTask(review.getId()))
          .anyMatch(link -> "managers".equals(link.getGroupId()));

      browser.loginTo("tasklist", "mia", "demo");
      browser.go("/camunda/app/tasklist/default/#/?task=" + review.getId());
      browser.waitForText(By.cssSelector(".fjs-container"), "Review a dissatisfied customer");
      assertThat(formValues(browser)).contains("Still not me.");
      browser.screenshot("tasklist-review-dissatisfaction");
    }
  }

  /** What the form's fields hold (their values are not part of the page's text). */
  private static String formValues(Browser browser) {
    return (String) ((JavascriptExecutor) browser.driver()).executeScript("return [...document.querySelectorAll("
        + "'.fjs-container input, .fjs-container textarea')].map((field) => field.value).join('\\n');");
  }

  private Task task(String reference, String definitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(definitionKey)
        .singleResult();
  }
}
