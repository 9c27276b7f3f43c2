package org.claimdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.testsupport.Browser;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer page with JavaScript turned off, in French (issue #21): everything the visitor
 * sees and does is the server's rendering and plain form posts.
 */
@PostgresIntegrationTest
class CustomerPageWithoutScriptIT {

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcClient jdbc;

  private ClaimdeskApi api;

  @BeforeEach
  void client() {
    api = new ClaimdeskApi(port);
  }

  @Test
  @DisplayName("without script, in French: a refund claim filed, evidence sent and the agent's offer accepted on the case page")
  void frenchRefundClaimWithoutScript() throws Exception {
    String orderId = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        LocalDate.now(ZoneOffset.UTC).minusDays(3), 9000);
    try (Browser browser = Browser.openWithoutScript(port, "fr-FR")) {
      WebDriver driver = browser.driver();
      browser.go("/");
      browser.waitForText(By.id("start-heading"), "Comment pouvons-nous vous aider");
      assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
      // No script ran (the scripts mark the page ready), and every form is there to fill in.
      assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("ready");
      for (String form : new String[] {"refund", "cancellation", "discrepancy", "wallet"}) {
        assertThat(driver.findElement(By.id("form-" + form)).isDisplayed()).as(form).isTrue();
      }
      browser.screenshotWholePage("customer-start-fr-noscript");

      // Sent with an order but nothing else: the server answers with the page's words next to each field.
      driver.findElement(By.id("refund-orderId")).sendKeys(orderId);
      driver.findElement(By.cssSelector("#form-refund button[type='submit']")).click();
      assertThat(browser.waitFor(By.id("refund-email-error")).getText()).isEqualTo("Indiquez cette information.");
      assertThat(driver.findElement(By.id("refund-reason-error")).getText()).isEqualTo("Choisissez une des options.");
      assertThat(driver.findElement(By.id("refund-email")).getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(driver.findElement(By.cssSelector("#form-refund .error-summary li")).getText())
          .isEqualTo("Indiquez cette information.");
      assertThat(driver.findElement(By.id("refund-orderId")).getAttribute("value")).isEqualTo(orderId);
      assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.claim_case WHERE subject_id = ?").param(orderId)
          .query(Long.class).single()).isZero();

      driver.findElement(By.id("refund-email")).sendKeys(ClaimdeskApi.emailOf(orderId));
      new Select(driver.findElement(By.id("refund-reason"))).selectByValue("SERVICE_ISSUE");
      driver.findElement(By.id("refund-description")).sendKeys("La séance s’est arrêtée au bout de dix minutes.");
      driver.findElement(By.cssSelector("#form-refund button[type='submit']")).click();

      // Filed: the browser lands on the case's private link.
      browser.waitForText(By.id("case-heading"), "Dossier CD-");
      String reference = driver.findElement(By.id("case-heading")).getText().substring("Dossier ".length());
      assertThat(driver.getCurrentUrl()).startsWith("http://localhost:" + port + "/cases/" + reference + "?token=");
      assertThat(statusWord(driver)).isEqualTo("En cours d’examen");
      assertThat(driver.findElement(By.id("offer")).isDisplayed()).isFalse();
      assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.claim_case WHERE subject_id = ?").param(orderId)
          .query(Long.class).single()).isEqualTo(1);

      // Evidence, as a plain multipart form.
      Path receipt = Files.createTempFile("reçu-", ".png");
      Files.write(receipt, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
      driver.findElement(By.id("evidence-file")).sendKeys(receipt.toString());
      driver.findElement(By.cssSelector("#evidence-form button[type='submit']")).click();
      browser.waitForText(By.id("notice"), "nous avons bien reçu vos fichiers");
      assertThat(driver.findElements(By.cssSelector(".timeline li[data-kind='EVIDENCE_RECEIVED']"))).hasSize(1);

      // The agent offers 30.00 EUR back; the page, refreshed with its link, shows the offer.
      Task review = taskService.createTaskQuery().processInstanceBusinessKey(reference)
          .taskDefinitionKey("Task_ReviewClaim").singleResult();
      assertThat(api.completeTask(review.getId(), "anna", Map.of("reviewDecision", "OFFER",
          "offerType", "PARTIAL_REFUND", "offerAmount", 30.0,
          "replyMessage", "Nous sommes désolés : voici une partie de votre paiement.")).getStatusCode().value())
          .isEqualTo(204);
      driver.findElement(By.cssSelector("[data-action='refresh']")).click();
      WebElement offer = browser.waitFor(By.id("offer"));
      assertThat(offer.findElement(By.cssSelector("[data-field='offerWhat']")).getText())
          .isEqualTo("Un remboursement partiel de 30,00 €");
      assertThat(statusWord(driver)).isEqualTo("Proposition en attente de votre réponse");
      browser.screenshotWholePage("customer-case-fr-noscript");

      offer.findElement(By.cssSelector("[data-action='accept']")).click();
      browser.waitForText(By.id("notice"), "vous avez accepté la proposition");
      assertThat(statusWord(driver)).isEqualTo("Paiement en cours");
      assertThat(driver.findElement(By.id("offer")).isDisplayed()).isFalse();
      assertThat(driver.findElements(By.cssSelector(".timeline li[data-kind='OFFER_ACCEPTED']"))).hasSize(1);

      // The switch works without script too, and keeps the case open.
      driver.findElement(By.cssSelector("[data-lang='en']")).click();
      browser.waitForText(By.id("case-heading"), "Case " + reference);
      assertThat(statusWord(driver)).isEqualTo("Payment on its way");
    }
  }

  @Test
  @DisplayName("without script, in French: a cancellation at the end of the cycle, withdrawn on the case page")
  void frenchCancellationWithdrawnWithoutScript() throws Exception {
    String subscriptionId = api.subscription(Instant.now().minus(Duration.ofDays(10)),
        Instant.now().plus(Duration.ofDays(20)), 1500);
    try (Browser browser = Browser.openWithoutScript(port, "fr-FR")) {
      WebDriver driver = browser.driver();
      browser.go("/");
      browser.waitFor(By.id("cancellation-subscriptionId")).sendKeys(subscriptionId);
      driver.findElement(By.id("cancellation-email"))
          .sendKeys(ClaimdeskApi.emailOf(ClaimdeskApi.orderOf(subscriptionId)));
      new Select(driver.findElement(By.id("cancellation-reason"))).selectByValue("NO_LONGER_NEEDED");
      driver.findElement(By.cssSelector("#form-cancellation button[type='submit']")).click();
      browser.waitForText(By.id("case-heading"), "Dossier CD-");
      assertThat(driver.findElement(By.cssSelector("#case [data-field='type']")).getText())
          .isEqualTo("Résiliation d’abonnement");

      browser.waitFor(By.id("withdraw")).findElement(By.cssSelector("[data-action='withdraw']")).click();
      browser.waitForText(By.id("notice"), "Votre résiliation est annulée");
      assertThat(driver.findElement(By.id("withdraw")).isDisplayed()).isFalse();
      assertThat(driver.findElement(By.cssSelector("#case [data-field='outcome']")).getText())
          .isEqualTo("Décision : Retiré");
    }
  }

  private static String statusWord(WebDriver driver) {
    return driver.findElement(By.cssSelector("#case [data-field='status']")).getText();
  }
}
