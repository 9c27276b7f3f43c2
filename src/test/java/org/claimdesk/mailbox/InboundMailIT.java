package org.claimdesk.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.cases.CaseChannel;
import org.claimdesk.cases.ChannelFiling;
import org.claimdesk.notification.TestSmtp;
import org.claimdesk.testsupport.Browser;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Issue #24 on PostgreSQL with a real mail server (GreenMail, SMTP and IMAP): customers write to the
 * support mailbox, Claimdesk reads it over IMAP, and every mail is handled exactly once.
 */
@PostgresIntegrationTest
class InboundMailIT {

  static final String SUPPORT = TestMailbox.SUPPORT;
  static final int SMTP_PORT = TestSmtp.freePort();
  static final int IMAP_PORT = TestSmtp.freePort();

  @RegisterExtension
  static GreenMailExtension mailServer = TestMailbox.server(SMTP_PORT, IMAP_PORT);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    TestSmtp.mailTo(registry, SMTP_PORT);
    TestMailbox.readBy(registry, IMAP_PORT);
    registry.add("claimdesk.mailbox.max-attempts", () -> "2");
  }

  @LocalServerPort
  int port;
  @Autowired
  MailboxPoller poller;
  @Autowired
  InboundMails mails;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcClient jdbc;
  @MockitoSpyBean
  ChannelFiling filing;

  private ClaimdeskApi api;

  ClaimdeskApi api() {
    if (api == null) {
      TestMailbox.open(mailServer);
      api = new ClaimdeskApi(port);
    }
    return api;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ new mails

  @Test
  @DisplayName("A French mail about a wallet recharge opens a WALLET_RECHARGE_ISSUE case by EMAIL; at the 72 h mark the check runs and credits it (WR-2)")
  void aFrenchWalletMailOpensTheCaseAndThe72HourCheckRuns() throws Exception {
    Instant paidAt = Instant.now().minus(10, ChronoUnit.HOURS);
    String order = api().order("WALLET_RECHARGE", "RENDERED", paidAt, null, 5000);
    String customer = "it-cus-" + order.substring(7);
    send(customerMail(order, "Recharge de portefeuille non reçue",
        "Bonjour,\nJ'ai payé une recharge de 50 EUR (commande " + order + ") et elle n'est pas arrivée sur mon"
            + " portefeuille.\nNom du payeur : Camille Test\nMerci"));

    poller.pollOnce();

    String reference = caseOfMailAbout(order);
    Map<String, Object> row = jdbc.sql("select type, channel, language, subject_id from claimdesk.claim_case where reference = ?")
        .param(reference).query().singleRow();
    assertThat(row).containsEntry("type", "WALLET_RECHARGE_ISSUE").containsEntry("channel", "EMAIL")
        .containsEntry("language", "fr").containsEntry("subject_id", order);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    assertThat(runtimeService.getVariable(instance, "payerName")).isEqualTo("Camille Test");
    // WR-1: the case waits for the 72 h mark after the payment, then checks by itself.
    org.camunda.bpm.engine.runtime.Job check = managementService.createJobQuery().processInstanceId(instance).timers()
        .activityId("Timer_CheckDue").singleResult();
    assertThat(check.getDuedate().toInstant()).isCloseTo(paidAt.plus(Duration.ofHours(72)), within(Duration.ofMinutes(2)));
    // The acknowledgement goes to the customer by email, as for the web, as an answer to their mail.
    MimeMessage acknowledgement = awaitSent(ClaimdeskApi.emailOf(order), m -> subjectOf(m).contains(reference));
    String theirs = jdbc.sql("select message_key from claimdesk.inbound_mail where case_reference = ?").param(reference)
        .query(String.class).single();
    assertThat(acknowledgement.getHeader("In-Reply-To", null)).isEqualTo("<" + theirs + ">");
    assertThat(acknowledgement.getHeader("References", null)).startsWith("<" + theirs + ">")
        .contains("<" + reference + ".thread@claimdesk.example>");

    EngineJobs.fireTimersDueBy(managementService, paidAt.plus(Duration.ofHours(72)).plusSeconds(90));
    EngineJobs.executeAsyncJobs(managementService, instance);

    assertThat(jdbc.sql("select status from claimdesk.claim_case where reference = ?").param(reference)
        .query(String.class).single())
        .as(() -> "waiting at " + runtimeService.getActiveActivityIds(instance) + ", incidents "
            + runtimeService.createIncidentQuery().processInstanceId(instance).list())
        .isEqualTo("RESOLVED");
    assertThat(balance(customer)).isEqualTo(5000);
  }

  @Test
  @DisplayName("WR-2's report by amount: a mail naming no order but the 37,50 EUR paid finds the sender's one recharge of that amount")
  void aWalletMailNamingOnlyTheAmountFindsTheOrder() throws Exception {
    String order = api().order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(10, ChronoUnit.HOURS), null, 3750);
    send(customerMail(order, "Portefeuille", "Bonjour, ma recharge de 37,50 EUR n'est pas arrivée sur mon portefeuille."));

    poller.pollOnce();

    assertThat(jdbc.sql("select type || ' ' || channel from claimdesk.claim_case where subject_id = ?").param(order)
        .query(String.class).list()).containsExactly("WALLET_RECHARGE_ISSUE EMAIL");
  }

  @Test
  @DisplayName("The same mail fetched twice (delivered twice, or fetched again after a crash) is one row and one case")
  void theSameMailFetchedTwiceOpensOneCase() throws Exception {
    String order = api().order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(10, ChronoUnit.HOURS), null, 2000);
    MimeMessage message = customerMail(order, "Wallet top-up missing",
        "Hello, my wallet recharge for order " + order + " has not arrived.");
    send(message);
    send(message);

    poller.pollOnce();
    markAllUnseen();
    poller.pollOnce();

    String key = message.getMessageID().replaceAll("[<>]", "");
    assertThat(jdbc.sql("select count(*) from claimdesk.inbound_mail where message_key = ?").param(key)
        .query(Long.class).single()).isOne();
    assertThat(jdbc.sql("select count(*) from claimdesk.claim_case where subject_id = ?").param(order)
        .query(Long.class).single()).isOne();
  }

  @Test
  @DisplayName("Two nodes handling the same kept mail at once: one handles it, the other finds it taken")
  void twoHandlersAtOnceHandleItOnce() throws Exception {
    String order = api().order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(10, ChronoUnit.HOURS), null, 2100);
    MimeMessage message = customerMail(order, "Recharge missing", "My wallet recharge " + order + " did not arrive.");
    byte[] raw = bytes(message);
    InboundMailStore store = new InboundMailStore(jdbc, java.time.Clock.systemUTC());
    String key = message.getMessageID().replaceAll("[<>]", "");
    assertThat(store.keep(key, "x", "Recharge missing", raw, InboundMailStatus.RECEIVED, null)).isTrue();
    assertThat(store.keep(key, "x", "Recharge missing", raw, InboundMailStatus.RECEIVED, null)).isFalse();
    long id = jdbc.sql("select id from claimdesk.inbound_mail where message_key = ?").param(key).query(Long.class).single();

    List<Boolean> handled = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    Thread[] nodes = new Thread[2];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = new Thread(() -> {
        try {
          start.await();
          handled.add(mails.handle(id).isPresent());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      nodes[i].start();
    }
    start.countDown();
    for (Thread node : nodes) {
      node.join();
    }

    assertThat(handled).containsExactlyInAnyOrder(true, false);
    assertThat(jdbc.sql("select count(*) from claimdesk.claim_case where subject_id = ?").param(order)
        .query(Long.class).single()).isOne();
  }

  @Test
  @DisplayName("An unknown sender, and a mail naming a case that is not from its customer, open and change nothing")
  void unknownSendersChangeNothing() throws Exception {
    String order = api().order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(10, ChronoUnit.HOURS), null, 2200);
    MimeMessage stranger = mail("stranger@example.org", "Recharge " + order + " not received", "My recharge " + order
        + " did not arrive.");
    send(stranger);
    poller.pollOnce();
    assertThat(statusOf(stranger)).isEqualTo("IGNORED");
    assertThat(noteOf(stranger)).contains("unknown sender");
    assertThat(jdbc.sql("select count(*) from claimdesk.claim_case where subject_id = ?").param(order)
        .query(Long.class).single()).isZero();

    String reference = fileRefund().reference();
    int entries = timelineSize(reference);
    MimeMessage other = mail("lea.martin@example.com", "Re: your request " + reference, "Here is my proof.");
    send(other);
    poller.pollOnce();
    assertThat(statusOf(other)).isEqualTo("IGNORED");
    assertThat(noteOf(other)).contains("not from its customer");
    assertThat(timelineSize(reference)).isEqualTo(entries);
  }

  // ------------------------------------------------------------------ replies

  @Test
  @DisplayName("A customer's reply with a PDF to the evidence request lands on the case and resumes the evidence step (RF-3)")
  void aReplyWithAPdfResumesTheEvidenceStep() throws Exception {
    Filed filed = fileRefund();
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(filed.reference()).singleResult();
    ResponseEntity<String> asked = api().completeTask(review.getId(), "anna",
        Map.of("reviewDecision", "ASK_EVIDENCE", "replyMessage", "Please send the invoice."));
    assertThat(asked.getStatusCode().value()).as(asked.getBody()).isEqualTo(204);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(filed.reference())
        .singleResult().getId();
    assertThat(runtimeService.createExecutionQuery().processInstanceId(instance).activityId("Task_AwaitEvidence")
        .count()).isOne();
    MimeMessage request = awaitSent(filed.email(),
        m -> subjectOf(m).contains(filed.reference()) && bodyOf(m).contains("Please send the invoice."));
    assertThat(request.getMessageID()).startsWith("<" + filed.reference() + ".");

    MimeMessage reply = replyTo(request, filed.email(), "Voici la facture.\n\n> Please send the invoice.",
        "facture.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    send(reply);
    poller.pollOnce();

    assertThat(statusOf(reply)).isEqualTo("ADDED_TO_CASE");
    assertThat(jdbc.sql("select file_name from claimdesk.case_evidence where case_reference = ?")
        .param(filed.reference()).query(String.class).list()).containsExactly("facture.pdf");
    assertThat(jdbc.sql("select message from claimdesk.case_timeline where case_reference = ? and kind = 'CUSTOMER_EMAIL'")
        .param(filed.reference()).query(String.class).single()).contains("Voici la facture.")
        .doesNotContain("Please send the invoice");
    assertThat(runtimeService.createExecutionQuery().processInstanceId(instance).activityId("Task_AwaitEvidence")
        .count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
        .isEqualTo(review.getTaskDefinitionKey());
  }

  @Test
  @DisplayName("A customer's email without files while the agent reviews: on the timeline, and in the review form's summary of what the customer sent")
  void aTextReplyShowsInTheOpenReview() throws Exception {
    Filed filed = fileRefund();
    MimeMessage acknowledgement = awaitSent(filed.email(), m -> subjectOf(m).contains(filed.reference()));

    send(replyTo(acknowledgement, filed.email(), "The session stopped after ten minutes, twice.", null, null));
    poller.pollOnce();

    Task review = taskService.createTaskQuery().processInstanceBusinessKey(filed.reference()).singleResult();
    assertThat(taskService.getVariable(review.getId(), "evidenceSummary").toString())
        .contains("1 email from the customer:", "The session stopped after ten minutes, twice.");
  }

  @Test
  @DisplayName("An out-of-office reply to Claimdesk's email changes nothing: no timeline entry, no evidence, no step resumed")
  void anOutOfOfficeReplyChangesNothing() throws Exception {
    Filed filed = fileRefund();
    MimeMessage acknowledgement = awaitSent(filed.email(), m -> subjectOf(m).contains(filed.reference()));
    int entries = timelineSize(filed.reference());

    MimeMessage away = replyTo(acknowledgement, filed.email(), "I am away until Monday.", null, null);
    away.setHeader("Auto-Submitted", "auto-replied");
    away.setSubject("Automatic reply: " + acknowledgement.getSubject());
    send(away);
    poller.pollOnce();

    assertThat(statusOf(away)).isEqualTo("IGNORED");
    assertThat(noteOf(away)).contains("automatic mail");
    assertThat(timelineSize(filed.reference())).isEqualTo(entries);
  }

  // ------------------------------------------------------------------ triage

  @Test
  @DisplayName("A mail the mailbox cannot read plainly waits in a support triage task with the mail shown (HTML made safe); the agent's choice opens the case for the sender only")
  void anUnclearMailGoesToTriageAndTheAgentOpensTheCase() throws Exception {
    String order = serviceOrder(4000);
    String email = ClaimdeskApi.emailOf(order);
    MimeMessage unclear = mail(email, "Question", null);
    unclear.setContent("<p onclick=\"steal()\">Something is wrong with my order <b>" + order + "</b>.</p>"
        + "<script>fetch('https://evil.example')</script>", "text/html; charset=UTF-8");
    send(unclear);
    poller.pollOnce();

    assertThat(statusOf(unclear)).isEqualTo("TRIAGE");
    Task triage = taskService.createTaskQuery().processDefinitionKey("email-triage")
        .processInstanceBusinessKey("mail-" + idOf(unclear)).singleResult();
    assertThat(triage.getDueDate()).isNotNull();
    Map<String, Object> shown = taskService.getVariables(triage.getId());
    assertThat(shown.get("mailText").toString()).contains("Something is wrong with my order " + order)
        .doesNotContain("script", "evil.example", "onclick");
    assertThat(shown).containsEntry("claimKind", "refund").containsEntry("subjectId", order);
    // Anna is support: she sees the task; Fred (finance) does not.
    assertThat(tasksOf("anna", triage.getProcessInstanceId())).hasSize(1);
    assertThat(tasksOf("fred", triage.getProcessInstanceId())).isEmpty();

    // Another customer's order: the intake refuses it for this sender, and the task comes back with why.
    ResponseEntity<String> wrong = api().completeTask(triage.getId(), "anna", Map.of("claimKind", "refund",
        "subjectId", "ord-undelivered-12d", "refundReason", "SERVICE_ISSUE", "claimDescription", "Badly done",
        "claimLanguage", "en"));
    assertThat(wrong.getStatusCode().value()).as(wrong.getBody()).isEqualTo(204);
    Task again = taskService.createTaskQuery().processInstanceId(triage.getProcessInstanceId()).singleResult();
    assertThat(taskService.getVariable(again.getId(), "triageProblem").toString()).contains("orderId");
    assertThat(jdbc.sql("select count(*) from claimdesk.claim_case where subject_id = 'ord-undelivered-12d'"
        + " and channel = 'EMAIL'").query(Long.class).single()).isZero();

    ResponseEntity<String> right = api().completeTask(again.getId(), "anna", Map.of("claimKind", "refund",
        "subjectId", order, "refundReason", "SERVICE_ISSUE", "claimDescription", "The service was badly done.",
        "claimLanguage", "en", "triageProblem", taskService.getVariable(again.getId(), "triageProblem")));
    assertThat(right.getStatusCode().value()).as(right.getBody()).isEqualTo(204);

    String reference = caseOfMailAbout(order);
    assertThat(statusOf(unclear)).isEqualTo("OPENED_CASE");
    assertThat(noteOf(unclear)).contains("anna");
    assertThat(jdbc.sql("select channel from claimdesk.claim_case where reference = ?").param(reference)
        .query(String.class).single()).isEqualTo(CaseChannel.EMAIL.name());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(triage.getProcessInstanceId()).count())
        .isZero();
  }

  @Test
  @DisplayName("Tasklist (headless Chromium): the triage form shows the mail, each claim kind's own fields, and sets the email aside")
  void theTriageFormInTasklist() throws Exception {
    String order = serviceOrder(4200);
    MimeMessage unclear = mail(ClaimdeskApi.emailOf(order), "A question", "Can I change the date of " + order + "?");
    Task triage = triageOf(unclear);

    try (Browser browser = Browser.open(port)) {
      browser.loginTo("tasklist", "anna", "demo");
      browser.go("/camunda/app/tasklist/default/#/?task=" + triage.getId());
      browser.waitForText(By.cssSelector(".fjs-container"), "Triage a customer's email");
      WebElement form = browser.driver().findElement(By.cssSelector(".fjs-container"));
      assertThat(browser.waitFor(By.xpath("//label[contains(., 'What the customer wrote')]/following::textarea[1]"))
          .getDomProperty("value")).isEqualTo("Can I change the date of " + order + "?");
      // Suggested: a refund of the order named; its reason shows, the wallet's payer does not.
      assertThat(form.getText()).contains("Refund reason").doesNotContain("Payer's name");
      click(browser, By.xpath("//button[normalize-space()='Claim']"));
      click(browser, By.xpath("//label[contains(., 'No claim: set the email aside')]"));
      WebElement note = browser.waitFor(By.xpath("//label[contains(., 'Why it is no claim')]/following::input[1]"));
      click(browser, By.xpath("//label[contains(., 'Why it is no claim')]/following::input[1]"));
      // Typed, then left (Tab): the form takes a text field's value when the field loses the focus.
      note.sendKeys("A question about a date, not a claim.", org.openqa.selenium.Keys.TAB);
      assertThat(form.getText()).doesNotContain("Why the last attempt was refused");
      assertThat(form.getText()).doesNotContain("Refund reason");
      browser.screenshot("tasklist-triage-email");
      click(browser, By.xpath("//button[normalize-space()='Complete']"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
          .until(driver -> taskService.createTaskQuery().taskId(triage.getId()).count() == 0);
    }

    assertThat(statusOf(unclear)).isEqualTo("IGNORED");
    assertThat(noteOf(unclear)).isEqualTo("dismissed by anna: A question about a date, not a claim.");
  }

  @Test
  @DisplayName("The form cannot name another claimant: a completion that sets the mail's id or sender is refused")
  void theTriageFormCannotChangeTheMail() throws Exception {
    String order = serviceOrder(4100);
    MimeMessage unclear = mail(ClaimdeskApi.emailOf(order), "Hello", "Something about " + order + ".");
    Task triage = triageOf(unclear);

    ResponseEntity<String> forged = api().completeTask(triage.getId(), "anna", Map.of("claimKind", "refund",
        "subjectId", order, "inboundMailId", 1L, "refundReason", "OTHER", "claimDescription", "x", "claimLanguage", "en"));
    ResponseEntity<String> otherSender = api().completeTask(triage.getId(), "anna", Map.of("claimKind", "refund",
        "subjectId", order, "mailFrom", "someone@else.example", "refundReason", "OTHER", "claimDescription", "x",
        "claimLanguage", "en"));

    assertThat(forged.getStatusCode().value()).isEqualTo(400);
    assertThat(otherSender.getStatusCode().value()).isEqualTo(400);
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).isOne();
    assertThat(statusOf(unclear)).isEqualTo("TRIAGE");
  }

  @Test
  @DisplayName("A mail whose handling fails is kept, retried, FAILED after max-attempts and listed; a manager hands it back and it is handled")
  void aFailingMailIsKeptAndVisible() throws Exception {
    String order = api().order("WALLET_RECHARGE", "RENDERED", Instant.now().minus(10, ChronoUnit.HOURS), null, 2300);
    MimeMessage message = customerMail(order, "Recharge missing", "My wallet recharge " + order + " did not arrive.");
    doThrow(new IllegalStateException("database hiccup")).when(filing)
        .file(anyString(), anyMap(), anyString(), any(), any());
    try {
      send(message);
      poller.pollOnce();
      poller.pollOnce();
      assertThat(statusOf(message)).isEqualTo("FAILED");
      assertThat(noteOf(message)).contains("database hiccup");
      ResponseEntity<JsonNode> failed = api().http().get().uri("/api/staff/mailbox?status=FAILED")
          .headers(h -> h.setBasicAuth("anna", "demo")).retrieve().toEntity(JsonNode.class);
      assertThat(failed.getStatusCode().value()).isEqualTo(200);
      assertThat(failed.getBody().findValuesAsText("id")).contains(Long.toString(idOf(message)));
      assertThat(api().http().post().uri("/api/staff/mailbox/" + idOf(message) + "/retry")
          .headers(h -> h.setBasicAuth("anna", "demo")).retrieve().toEntity(String.class).getStatusCode().value())
          .isEqualTo(403);
    } finally {
      doCallRealMethod().when(filing).file(anyString(), anyMap(), anyString(), any(), any());
    }
    assertThat(api().http().post().uri("/api/staff/mailbox/" + idOf(message) + "/retry")
        .headers(h -> h.setBasicAuth("mia", "demo")).retrieve().toEntity(String.class).getStatusCode().value())
        .isEqualTo(204);
    poller.pollOnce();
    assertThat(statusOf(message)).isEqualTo("OPENED_CASE");
    assertThat(jdbc.sql("select count(*) from claimdesk.claim_case where subject_id = ?").param(order)
        .query(Long.class).single()).isOne();
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Clicks the element once it is shown and enabled, as the page's own click handler gets it
   * (Tasklist's fixed bars cover the lower part of the headless window, where a pointer click lands on them).
   */
  private static void click(Browser browser, By locator) {
    WebElement element = new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(locator));
    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", element);
  }

  record Filed(String reference, String token, String email) {
  }

  /** A service rendered three days ago, ordered four days ago (a refund claim's review, RF-1). */
  private String serviceOrder(long amount) {
    return api().order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(4)),
        LocalDate.now(ZoneOffset.UTC).minusDays(3), amount);
  }

  /** Sends a mail the mailbox cannot file by itself and returns its triage task. */
  private Task triageOf(MimeMessage unclear) throws Exception {
    send(unclear);
    poller.pollOnce();
    return taskService.createTaskQuery().processInstanceBusinessKey("mail-" + idOf(unclear)).singleResult();
  }

  private Filed fileRefund() {
    String order = serviceOrder(6000);
    ResponseEntity<JsonNode> filed = api().claim(order, "SERVICE_ISSUE", null);
    assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
    return new Filed(filed.getBody().path("reference").asText(), filed.getBody().path("accessToken").asText(),
        ClaimdeskApi.emailOf(order));
  }

  private MimeMessage customerMail(String order, String subject, String text) throws Exception {
    return mail(ClaimdeskApi.emailOf(order), subject, text);
  }

  private static MimeMessage mail(String from, String subject, String text) throws Exception {
    MimeMessage message = new MimeMessage(session());
    message.setFrom(new InternetAddress(from, "Camille Test", "UTF-8"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
    message.setSubject(subject, "UTF-8");
    if (text != null) {
      message.setText(text, "UTF-8");
    }
    message.saveChanges();
    message.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.example>");
    return message;
  }

  /** A reply as a mail program writes it: In-Reply-To and References name the mail answered. */
  private static MimeMessage replyTo(MimeMessage original, String from, String text, String fileName, byte[] file)
      throws Exception {
    MimeMessage reply = mail(from, "Re: " + original.getSubject(), null);
    if (fileName == null) {
      reply.setText(text, "UTF-8");
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart body = new MimeBodyPart();
      body.setText(text, "UTF-8");
      MimeBodyPart attachment = new MimeBodyPart();
      attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file, "application/pdf")));
      attachment.setFileName(fileName);
      attachment.setDisposition(MimeBodyPart.ATTACHMENT);
      mixed.addBodyPart(body);
      mixed.addBodyPart(attachment);
      reply.setContent(mixed);
    }
    reply.saveChanges();
    reply.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.example>");
    reply.setHeader("In-Reply-To", original.getMessageID());
    reply.setHeader("References", original.getMessageID());
    return reply;
  }

  private static Session session() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(SMTP_PORT));
    return Session.getInstance(properties);
  }

  /** Sends through the mail server's SMTP, its headers brought up to date and its Message-ID kept. */
  private static void send(MimeMessage message) throws Exception {
    String id = message.getMessageID();
    message.saveChanges();
    message.setHeader("Message-ID", id);
    try (Transport transport = session().getTransport("smtp")) {
      transport.connect();
      transport.sendMessage(message, new InternetAddress[] {new InternetAddress(SUPPORT)});
    }
  }

  private static byte[] bytes(MimeMessage message) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    message.writeTo(out);
    return out.toByteArray();
  }

  private static void markAllUnseen() throws Exception {
    Properties properties = new Properties();
    try (jakarta.mail.Store store = Session.getInstance(properties).getStore("imap")) {
      store.connect("127.0.0.1", IMAP_PORT, SUPPORT, TestMailbox.PASSWORD);
      jakarta.mail.Folder inbox = store.getFolder("INBOX");
      inbox.open(jakarta.mail.Folder.READ_WRITE);
      for (Message message : inbox.getMessages()) {
        message.setFlag(jakarta.mail.Flags.Flag.SEEN, false);
      }
      inbox.close(false);
    }
  }

  /** The first mail Claimdesk sent to the address that matches, waiting for the mail server to receive it. */
  private static MimeMessage awaitSent(String address, java.util.function.Predicate<MimeMessage> matching) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      int received = mailServer.getReceivedMessages().length;
      java.util.Optional<MimeMessage> found = Arrays.stream(sentTo(address)).filter(matching).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      assertThat(System.nanoTime()).as("no matching mail to " + address).isLessThan(deadline);
      mailServer.waitForIncomingEmail(2_000, received + 1);
    }
  }

  private static MimeMessage[] sentTo(String address) {
    return Arrays.stream(mailServer.getReceivedMessages())
        .filter(m -> {
          try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
          } catch (Exception e) {
            return false;
          }
        })
        .toArray(MimeMessage[]::new);
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String bodyOf(MimeMessage message) {
    try {
      return TestSmtp.parts(message).stream().map(TestSmtp.Part::text).reduce("", String::concat);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String key(MimeMessage message) throws Exception {
    return message.getMessageID().replaceAll("[<>]", "");
  }

  private long idOf(MimeMessage message) throws Exception {
    return jdbc.sql("select id from claimdesk.inbound_mail where message_key = ?").param(key(message))
        .query(Long.class).single();
  }

  private String statusOf(MimeMessage message) throws Exception {
    return jdbc.sql("select status from claimdesk.inbound_mail where message_key = ?").param(key(message))
        .query(String.class).single();
  }

  private String noteOf(MimeMessage message) throws Exception {
    return jdbc.sql("select note from claimdesk.inbound_mail where message_key = ?").param(key(message))
        .query(String.class).single();
  }

  private String caseOfMailAbout(String subjectId) {
    return jdbc.sql("select reference from claimdesk.claim_case where subject_id = ?").param(subjectId)
        .query(String.class).single();
  }

  private int timelineSize(String reference) {
    return jdbc.sql("select count(*) from claimdesk.case_timeline where case_reference = ?").param(reference)
        .query(Integer.class).single();
  }

  private JsonNode tasksOf(String user, String processInstanceId) {
    return api().http().get().uri("/engine-rest/task?processInstanceId=" + processInstanceId)
        .headers(h -> h.setBasicAuth(user, "demo")).retrieve().toEntity(JsonNode.class).getBody();
  }

  private long balance(String customer) {
    JsonNode wallet = api().http().get().uri("/api/wallets/" + customer).headers(h -> h.setBasicAuth("shop", "demo"))
        .retrieve().toEntity(JsonNode.class).getBody();
    return wallet == null ? 0 : wallet.path("balance").asLong();
  }
}
