package org.claimdesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.testsupport.Browser;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** The finance investigation of a missing recharge opens with its form in Tasklist (headless Chromium). */
@PostgresIntegrationTest
class WalletTasklistIT {

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;

  @Test
  @DisplayName("WR-2: a payer who is not the customer puts the investigation in front of finance, form and reason shown")
  void investigationOpensWithItsFormForFinance() throws Exception {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String order = api.order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(Duration.ofHours(80)), null, 4000);
    JsonNode filed = api.http().post().uri("/api/wallet-recharge-issues").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("orderId", order, "payerName", "Someone Else", "email", ClaimdeskApi.emailOf(order),
            "language", "en"))
        .retrieve().toEntity(JsonNode.class).getBody();
    // The charge check runs in a job of its own (the job executor is off in tests).
    EngineJobs.executeAsyncJobs(managementService, runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(filed.path("reference").asText()).singleResult().getId());
    Task investigation = taskService.createTaskQuery().processInstanceBusinessKey(filed.path("reference").asText())
        .taskDefinitionKey("Task_InvestigateRecharge").singleResult();
    assertThat(taskService.getIdentityLinksForTask(investigation.getId()))
        .anyMatch(link -> "finance".equals(link.getGroupId()));

    try (Browser browser = Browser.open(port)) {
      browser.loginTo("tasklist", "fred", "demo");
      browser.go("/camunda/app/tasklist/default/#/?task=" + investigation.getId());
      browser.waitForText(By.cssSelector(".fjs-container"), "Why the automatic check could not decide");
      assertThat(browser.driver().findElements(By.cssSelector(".fjs-container .fjs-form-field"))).hasSizeGreaterThan(5);
      browser.screenshot("tasklist-investigate-recharge");
    }
  }
}
