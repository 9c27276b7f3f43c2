package org.claimdesk.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.testsupport.Browser;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every user task of {@code refund-request} opens in Tasklist with its Camunda Form, for the
 * group it belongs to, and the diagram renders in Cockpit: headless Chromium against the running
 * application on PostgreSQL. Screenshots land in {@code target/screenshots}.
 */
@PostgresIntegrationTest
class RefundTasklistIT {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  RepositoryService repositoryService;

  @Test
  @DisplayName("each user task opens with its form in Tasklist; the diagram renders in Cockpit")
  void everyUserTaskOpensWithItsFormAndTheDiagramRendersInCockpit() throws Exception {
    ClaimdeskApi api = new ClaimdeskApi(port);
    LocalDate threeDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    String review = openTask(api, 9000, "Task_ReviewClaim", Map.of());
    String fix = openTask(api, 9000, "Task_AttemptFix",
        Map.of("reviewDecision", "TRY_FIX", "replyMessage", "We are on it."));
    String approval = openTask(api, 15000, "Task_ApproveOffer",
        Map.of("reviewDecision", "OFFER", "offerType", "FULL_REFUND", "replyMessage", "A full refund is coming."));
    String escalation = escalate(api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        threeDaysAgo, 9000), api);

    try (Browser browser = Browser.open(port)) {
      browser.loginTo("tasklist", "anna", "demo");
      openForm(browser, review, "Your decision", "review-claim");
      assertThat(browser.driver().findElements(By.xpath("//*[contains(text(), 'Policy verdict')]"))).isNotEmpty();
      openForm(browser, fix, "Outcome", "attempt-fix");

      browser.loginTo("tasklist", "mia", "demo");
      openForm(browser, approval, "Offer proposed by the agent", "approve-offer");
      openForm(browser, escalation, "Assign the review to", "handle-escalation");

      String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(RefundProcess.KEY)
          .latestVersion().singleResult().getId();
      browser.loginTo("cockpit", "mia", "demo");
      browser.go("/camunda/app/cockpit/default/#/process-definition/" + definitionId + "/runtime");
      for (String element : List.of("Task_ReviewClaim", "Task_DecideEligibility", "Task_RefundPayment",
          "SubProcess_FirstReply", "Task_AwaitConsent")) {
        browser.waitFor(By.cssSelector("[data-element-id='" + element + "']"));
      }
      browser.screenshot("cockpit-refund-request");
    }
  }

  /** Files a claim and drives it to the user task {@code key}; returns that task's id. */
  private String openTask(ClaimdeskApi api, long amount, String key, Map<String, Object> reviewDecision) {
    String orderId = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        LocalDate.now(ZoneOffset.UTC).minusDays(3), amount);
    JsonNode filed = api.claim(orderId, "SERVICE_ISSUE", null).getBody();
    String reference = filed.path("reference").asText();
    if (!reviewDecision.isEmpty()) {
      Task review = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
      assertThat(api.completeTask(review.getId(), "anna", reviewDecision).getStatusCode().value()).isEqualTo(204);
    }
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key)
        .singleResult().getId();
  }

  /** Moves the engine clock past 48 h and fires the case's SL-1 timers: managers get the late reply. */
  private String escalate(String orderId, ClaimdeskApi api) {
    String reference = api.claim(orderId, "SERVICE_ISSUE", null).getBody().path("reference").asText();
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(49))));
      for (Job timer : managementService.createJobQuery().processInstanceId(instanceId).timers()
          .orderByJobDuedate().asc().list()) {
        managementService.executeJob(timer.getId());
      }
    } finally {
      ClockUtil.reset();
    }
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Task_HandleEscalation")
        .singleResult().getId();
  }

  private static void openForm(Browser browser, String taskId, String label, String screenshot) throws Exception {
    browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
    browser.waitForText(By.cssSelector(".fjs-container"), label);
    assertThat(browser.driver().findElements(By.cssSelector(".fjs-container .fjs-form-field"))).isNotEmpty();
    browser.screenshot("tasklist-" + screenshot);
  }
}
