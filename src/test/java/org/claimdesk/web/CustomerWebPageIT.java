package org.claimdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The customer web page in headless Chromium against the application on PostgreSQL: a French
 * visitor files a refund claim, opens the case page from the private link, uploads evidence and
 * accepts the offer an agent made; the other forms, the field errors, the language switch and a
 * phone-sized screen. Screenshots land in {@code target/screenshots} (the README's come from here).
 */
@PostgresIntegrationTest
class CustomerWebPageIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcClient jdbc;

  private ClaimdeskApi api;

  @BeforeEach
  void client() {
    api = new ClaimdeskApi(port);
  }

  @Test
  @DisplayName("a French visitor files a refund claim, opens the case from its link, sends evidence and accepts the agent's offer")
  void frenchRefundClaimFromFormToAcceptedOffer() throws Exception {
    String orderId = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        LocalDate.now(ZoneOffset.UTC).minusDays(3), 9000);
    try (Browser browser = Browser.open(port, "fr-FR")) {
      WebDriver driver = browser.driver();
      browser.go("/");
      // The browser's language decides: the page is in French.
      browser.waitForText(By.id("start-heading"), "Comment pouvons-nous vous aider");
      assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
      browser.screenshotWholePage("customer-start-fr");

      driver.findElement(By.cssSelector("[data-choose='refund']")).click();
      WebElement form = browser.waitFor(By.id("form-refund"));
      // Sent empty: every field says what is missing, in French, next to it; nothing reaches the server.
      form.findElement(By.cssSelector("button[type='submit']")).click();
      assertThat(browser.waitFor(By.id("refund-orderId-error")).getText()).isEqualTo("Indiquez cette information.");
      assertThat(driver.findElement(By.id("refund-reason-error")).getText()).isEqualTo("Choisissez une des options.");
      assertThat(driver.findElement(By.id("refund-orderId")).getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(form.findElement(By.cssSelector(".error-summary li")).getText()).isEqualTo("Indiquez cette information.");

      driver.findElement(By.id("refund-orderId")).sendKeys(orderId);
      driver.findElement(By.id("refund-email")).sendKeys("not an email");
      new Select(driver.findElement(By.id("refund-reason"))).selectByValue("SERVICE_ISSUE");
      driver.findElement(By.id("refund-description")).sendKeys("La séance s’est arrêtée au bout de dix minutes.");
      form.findElement(By.cssSelector("button[type='submit']")).click();
      assertThat(browser.waitFor(By.id("refund-email-error")).getText())
          .isEqualTo("Indiquez une adresse e-mail comme nom@exemple.fr.");
      assertThat(driver.findElement(By.id("refund-orderId-error")).isDisplayed()).isFalse();

      driver.findElement(By.id("refund-email")).clear();
      driver.findElement(By.id("refund-email")).sendKeys(ClaimdeskApi.emailOf(orderId));
      form.findElement(By.cssSelector("button[type='submit']")).click();

      browser.waitForText(By.id("done-heading"), "Nous avons bien reçu votre demande");
      String reference = driver.findElement(By.cssSelector("#done [data-field='reference']")).getText();
      String link = driver.findElement(By.cssSelector("#done [data-field='link']")).getAttribute("href");
      assertThat(reference).matches("CD-[0-9A-Z]{8}");
      assertThat(link).startsWith("http://localhost:" + port + "/cases/" + reference + "?token=");
      assertThat(driver.findElement(By.cssSelector("#done [data-field='replyBy']")).getText())
          .startsWith("Nous vous répondrons au plus tard le ");
      browser.screenshot("customer-filed-fr");

      // One case, in French, and its acknowledgement email carries the same private link (on the public base
      // URL), stored without its token: it is put in when the email is sent (issue #20 point 7).
      String token = URI.create(link).getQuery().substring("token=".length());
      JsonNode filed = api.caseOf(reference, token);
      assertThat(filed.path("language").asText()).isEqualTo("fr");
      assertThat(filed.path("status").asText()).isEqualTo("IN_REVIEW");
      assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.claim_case WHERE subject_id = ?").param(orderId)
          .query(Long.class).single()).isEqualTo(1);
      assertThat(jdbc.sql("SELECT text_body FROM claimdesk.notification_outbox WHERE case_reference = ?"
          + " AND message_kind = 'CLAIM_RECEIVED'").param(reference).query(String.class).single())
          .contains("/cases/" + reference + "?token=TOKEN-ADDED-WHEN-SENT").doesNotContain(token);

      // The case page, from the link.
      driver.get(link);
      browser.waitForText(By.id("case-heading"), "Dossier " + reference);
      assertThat(statusWord(driver)).isEqualTo("En cours d’examen");
      assertThat(driver.findElement(By.id("offer")).isDisplayed()).isFalse();

      Path receipt = Files.createTempFile("reçu-", ".png");
      Files.write(receipt, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
      driver.findElement(By.id("evidence-file")).sendKeys(receipt.toString());
      driver.findElement(By.cssSelector("#evidence-form button[type='submit']")).click();
      browser.waitForText(By.id("notice"), "nous avons bien reçu vos fichiers");
      assertThat(driver.findElements(By.cssSelector(".timeline li[data-kind='EVIDENCE_RECEIVED']"))).hasSize(1);
      assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.case_evidence WHERE case_reference = ?").param(reference)
          .query(Long.class).single()).isEqualTo(1);

      // The agent offers 30.00 EUR back (Tasklist completes the review through the engine's REST API).
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
      browser.screenshotWholePage("customer-case-fr");

      offer.findElement(By.cssSelector("[data-action='accept']")).click();
      browser.waitForText(By.id("notice"), "vous avez accepté la proposition");
      assertThat(statusWord(driver)).isEqualTo("Paiement en cours");
      assertThat(driver.findElement(By.id("offer")).isDisplayed()).isFalse();

      // The payout job runs (the job executor is off in these tests): paid once, the page says so.
      String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
          .singleResult().getId();
      EngineJobs.executeAsyncJobs(managementService, instanceId);
      driver.findElement(By.cssSelector("[data-action='refresh']")).click();
      new WebDriverWait(driver, WAIT).until(d -> "Résolue".equals(statusWord(d)));
      assertThat(driver.findElement(By.cssSelector("#case [data-field='outcome']")).getText())
          .isEqualTo("Décision : Remboursé en partie");
      assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.sandbox_refund WHERE idempotency_key LIKE ?")
          .param(reference + ":%").query(Long.class).single()).isEqualTo(1);

      // The same page in English with the switch.
      driver.findElement(By.cssSelector("[data-lang='en']")).click();
      browser.waitForText(By.id("case-heading"), "Case " + reference);
      assertThat(statusWord(driver)).isEqualTo("Resolved");
    }
  }

  @Test
  @DisplayName("an English visitor cancels a subscription at the end of the cycle, then withdraws it on the case page")
  void englishCancellationWithdrawnOnTheCasePage() throws Exception {
    String subscriptionId = api.subscription(Instant.now().minus(Duration.ofDays(10)),
        Instant.now().plus(Duration.ofDays(20)), 1500);
    try (Browser browser = Browser.open(port, "en-GB")) {
      WebDriver driver = browser.driver();
      browser.go("/");
      browser.waitForText(By.id("start-heading"), "How can we help?");
      driver.findElement(By.cssSelector("[data-choose='cancellation']")).click();
      browser.waitFor(By.id("cancellation-subscriptionId")).sendKeys(subscriptionId);
      driver.findElement(By.id("cancellation-email")).sendKeys(ClaimdeskApi.emailOf(ClaimdeskApi.orderOf(subscriptionId)));
      assertThat(driver.findElement(By.id("cancellation-mode-END_OF_CYCLE")).isSelected()).isTrue();
      new Select(driver.findElement(By.id("cancellation-reason"))).selectByValue("NO_LONGER_NEEDED");
      driver.findElement(By.cssSelector("#form-cancellation button[type='submit']")).click();
      browser.waitForText(By.id("done-heading"), "We have your request");
      String reference = driver.findElement(By.cssSelector("#done [data-field='reference']")).getText();

      driver.findElement(By.cssSelector("#done [data-field='open']")).click();
      browser.waitForText(By.id("case-heading"), "Case " + reference);
      WebElement withdraw = browser.waitFor(By.id("withdraw"));
      assertThat(driver.findElement(By.cssSelector("#case [data-field='type']")).getText())
          .isEqualTo("Subscription cancellation");
      browser.screenshotWholePage("customer-case-en");

      withdraw.findElement(By.cssSelector("[data-action='withdraw']")).click();
      new WebDriverWait(driver, WAIT).until(ExpectedConditions.alertIsPresent()).accept();
      browser.waitForText(By.id("notice"), "Your cancellation is withdrawn");
      assertThat(driver.findElement(By.id("withdraw")).isDisplayed()).isFalse();
      assertThat(driver.findElements(By.cssSelector(".timeline li[data-kind='WITHDRAWAL']"))).hasSize(1);
      assertThat(driver.findElement(By.cssSelector("#case [data-field='outcome']")).getText())
          .isEqualTo("Outcome: Withdrawn");
    }
  }

  @Test
  @DisplayName("the discrepancy and wallet forms, answers that reveal nothing, keyboard use, both languages, a phone screen")
  void otherFormsKeyboardLanguagesAndPhone() throws Exception {
    String orderId = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(5)),
        LocalDate.now(ZoneOffset.UTC).minusDays(4), 6000);
    try (Browser browser = Browser.open(port, "en-GB")) {
      WebDriver driver = browser.driver();
      JavascriptExecutor script = (JavascriptExecutor) driver;
      browser.go("/");
      browser.waitForText(By.id("start-heading"), "How can we help?");
      browser.screenshotWholePage("customer-start-en");

      // Every control has a label (both languages have the same texts: CustomerPageTextsTest).
      assertThat(script.executeScript("return [...document.querySelectorAll('input:not([type=hidden]), select,"
          + " textarea')].filter((c) => c.labels.length === 0).map((c) => c.id);")).asList().isEmpty();

      // Keyboard only: the choice opens its form and puts the focus in its first field.
      driver.findElement(By.cssSelector("[data-choose='discrepancy']")).sendKeys(org.openqa.selenium.Keys.ENTER);
      browser.waitFor(By.id("form-discrepancy"));
      assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("discrepancy-paymentId");
      assertThat(driver.findElement(By.id("discrepancy-expectedAmount")).isDisplayed()).isFalse();
      new Select(driver.findElement(By.id("discrepancy-kind"))).selectByValue("AMOUNT_MISMATCH");
      WebElement expected = browser.waitFor(By.id("discrepancy-expectedAmount"));
      driver.findElement(By.id("discrepancy-paymentId")).sendKeys("it-pay-" + orderId.substring(7));
      driver.findElement(By.id("discrepancy-email")).sendKeys(ClaimdeskApi.emailOf(orderId));
      driver.findElement(By.id("discrepancy-description")).sendKeys("I was told 45.50 on the phone.");
      expected.sendKeys("0");
      driver.findElement(By.cssSelector("#form-discrepancy button[type='submit']")).click();
      assertThat(browser.waitFor(By.id("discrepancy-expectedAmount-error")).getText())
          .isEqualTo("Enter an amount above zero, like 49.90.");
      expected.clear();
      expected.sendKeys("45.50");
      driver.findElement(By.cssSelector("#form-discrepancy button[type='submit']")).click();
      browser.waitForText(By.id("done-heading"), "We have your request");
      String reference = driver.findElement(By.cssSelector("#done [data-field='reference']")).getText();
      String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
          .singleResult().getId();
      assertThat(runtimeService.getVariable(instanceId, "expectedAmount")).isEqualTo(4550L);
      assertThat(runtimeService.getVariable(instanceId, "reportChannel")).isEqualTo("WEB");

      // An unknown order and a wrong email get the same answer: the page tells nothing apart.
      driver.findElement(By.cssSelector("#done [data-action='another']")).click();
      driver.findElement(By.cssSelector("[data-choose='wallet']")).click();
      String unknownOrder = walletAnswer(browser, "it-ord-nothing-here", "someone@example.com");
      String wrongEmail = walletAnswer(browser, orderId, "someone.else@example.com");
      assertThat(unknownOrder).isEqualTo("We could not find this order for this email address. Check both and try again.");
      assertThat(wrongEmail).isEqualTo(unknownOrder);

      // What only the server refuses is shown next to its field as well: here a reason the page lets
      // through once its own check is taken off; nothing is filed.
      driver.findElement(By.cssSelector("[data-choose='refund']")).click();
      script.executeScript("const reason = document.getElementById('refund-reason');"
          + " reason.removeAttribute('required'); delete reason.dataset.rule;");
      driver.findElement(By.id("refund-orderId")).sendKeys(orderId);
      driver.findElement(By.id("refund-email")).sendKeys(ClaimdeskApi.emailOf(orderId));
      driver.findElement(By.id("refund-description")).sendKeys("The reason is left out.");
      driver.findElement(By.cssSelector("#form-refund button[type='submit']")).click();
      assertThat(browser.waitFor(By.id("refund-reason-error")).getText())
          .isEqualTo("Check this: the server did not accept it.");
      assertThat(driver.findElement(By.id("refund-reason")).getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.claim_case WHERE subject_id = ? AND type = 'REFUND_REQUEST'")
          .param(orderId).query(Long.class).single()).isZero();

      // The switch turns the page to French and is remembered on the next visit.
      driver.findElement(By.cssSelector("[data-lang='fr']")).click();
      browser.waitForText(By.id("start-heading"), "Comment pouvons-nous vous aider");
      assertThat(driver.findElement(By.cssSelector("[data-lang='fr']")).getAttribute("aria-pressed")).isEqualTo("true");
      browser.go("/");
      browser.waitForText(By.id("start-heading"), "Comment pouvons-nous vous aider");

      // A phone: one column, nothing wider than the screen.
      driver.manage().window().setSize(new Dimension(390, 844));
      browser.go("/?lang=en");
      browser.waitForText(By.id("start-heading"), "How can we help?");
      driver.findElement(By.cssSelector("[data-choose='refund']")).click();
      browser.waitFor(By.id("form-refund"));
      assertThat((Boolean) script.executeScript(
          "return document.documentElement.scrollWidth <= window.innerWidth;")).isTrue();
    }
  }

  @Test
  @DisplayName("PD-6 on the page: a duplicate charge reported, its resolution PDF downloaded from the case page, feedback given there")
  void discrepancyResolutionDownloadedAndFeedbackGiven() throws Exception {
    String orderId = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(3)), null, 4900);
    String suffix = orderId.substring(7);
    assertThat(api.post("/api/payments", Map.of("id", "it-dup-" + suffix, "orderId", orderId, "processorReference",
        "ch_dup_" + suffix, "amount", 4900, "currency", "EUR", "capturedAt",
        Instant.now().minus(Duration.ofDays(3)).plusSeconds(240).truncatedTo(ChronoUnit.SECONDS).toString(),
        "status", "CAPTURED"), "shop").getStatusCode().value()).isEqualTo(201);
    try (Browser browser = Browser.open(port, "en-GB")) {
      WebDriver driver = browser.driver();
      browser.go("/");
      browser.waitFor(By.cssSelector("[data-choose='discrepancy']")).click();
      browser.waitFor(By.id("discrepancy-paymentId")).sendKeys("it-pay-" + suffix);
      driver.findElement(By.id("discrepancy-email")).sendKeys(ClaimdeskApi.emailOf(orderId));
      new Select(driver.findElement(By.id("discrepancy-kind"))).selectByValue("DUPLICATE_CHARGE");
      driver.findElement(By.id("discrepancy-description")).sendKeys("The same amount was taken twice.");
      driver.findElement(By.cssSelector("#form-discrepancy button[type='submit']")).click();
      browser.waitForText(By.id("done-heading"), "We have your request");
      String reference = driver.findElement(By.cssSelector("#done [data-field='reference']")).getText();

      // The automatic checks find the duplicate and refund it (the job executor is off in these tests).
      String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
          .singleResult().getId();
      EngineJobs.executeAsyncJobs(managementService, instanceId);
      driver.findElement(By.cssSelector("#done [data-field='open']")).click();
      browser.waitForText(By.id("case-heading"), "Case " + reference);
      assertThat(statusWord(driver)).isEqualTo("Resolved");
      WebElement download = browser.waitFor(By.cssSelector("#documents a"));
      assertThat(download.getText()).startsWith("Download ").endsWith(".pdf");
      download.click();
      Path pdf = new WebDriverWait(driver, WAIT).until(d -> {
        try (var files = Files.list(browser.downloads())) {
          return files.filter(file -> file.toString().endsWith(".pdf")).findFirst().orElse(null);
        } catch (IOException e) {
          return null;
        }
      });
      new WebDriverWait(driver, WAIT).until(d -> pdf.toFile().length() > 0);
      assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");
      assertThat(driver.findElement(By.id("feedback")).isDisplayed()).isFalse();

      // PD-6: after the follow-up delay the page asks for the customer's opinion.
      try {
        EngineJobs.fireTimersDueBy(managementService, Instant.now().plus(Duration.ofDays(8)));
        driver.findElement(By.cssSelector("[data-action='refresh']")).click();
        WebElement feedback = browser.waitFor(By.id("feedback"));
        feedback.findElement(By.cssSelector("button[type='submit']")).click();
        assertThat(browser.waitFor(By.id("feedback-satisfied-error")).getText()).isEqualTo("Choose one of the options.");
        feedback.findElement(By.cssSelector("label[for='feedback-yes']")).click();
        driver.findElement(By.id("feedback-comment")).sendKeys("Quick and clear, thank you.");
        feedback.findElement(By.cssSelector("button[type='submit']")).click();
        browser.waitForText(By.id("notice"), "Thank you for your answer.");
      } finally {
        ClockUtil.reset();
      }
      assertThat(driver.findElement(By.id("feedback")).isDisplayed()).isFalse();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
      assertThat(jdbc.sql("SELECT count(*) FROM claimdesk.case_timeline WHERE case_reference = ?"
          + " AND kind = 'FEEDBACK_RECEIVED'").param(reference).query(Long.class).single()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("the pages go out with a strict content policy, no referrer, no framing, no caching and no cookie")
  void pagesCarryTheirSecurityHeaders() {
    // The start page, and the case page of a case that does not exist (the 404 a wrong token gets too).
    for (Map.Entry<String, Integer> expected : Map.of("/", 200, "/cases/CD-ABCDEFGH?token=whatever", 404).entrySet()) {
      String path = expected.getKey();
      var page = api.http().get().uri(path).header("Accept", "text/html").retrieve().toEntity(String.class);
      assertThat(page.getStatusCode().value()).as(path).isEqualTo(expected.getValue());
      assertThat(page.getHeaders().getFirst("Content-Security-Policy")).as(path)
          .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'");
      assertThat(page.getHeaders().getFirst("Referrer-Policy")).as(path).isEqualTo("no-referrer");
      assertThat(page.getHeaders().getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(page.getHeaders().getFirst("Cache-Control")).as(path).contains("no-store");
      assertThat(page.getHeaders().get("Set-Cookie")).as(path).isNull();
    }
    assertThat(api.http().get().uri("/cases/CD-ABCDEFGH").retrieve().body(String.class))
        .contains("<script type=\"module\" src=\"/assets/case.js\"></script>");
  }

  private static String walletAnswer(Browser browser, String orderId, String email) {
    WebDriver driver = browser.driver();
    for (String[] field : new String[][] {{"wallet-orderId", orderId}, {"wallet-payerName", "Sam Payer"},
        {"wallet-email", email}}) {
      driver.findElement(By.id(field[0])).clear();
      driver.findElement(By.id(field[0])).sendKeys(field[1]);
    }
    WebElement answer = driver.findElement(By.cssSelector("#form-wallet .form-answer"));
    driver.findElement(By.cssSelector("#form-wallet button[type='submit']")).click();
    new WebDriverWait(driver, WAIT).until(d -> answer.isDisplayed() && !answer.getText().isEmpty());
    return answer.getText();
  }

  private static String statusWord(WebDriver driver) {
    return driver.findElement(By.cssSelector("#case [data-field='status']")).getText();
  }
}
