package org.claimdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doAnswer;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

import org.claimdesk.cases.CaseDocument;
import org.claimdesk.cases.CaseDocuments;
import org.claimdesk.cases.CaseLinks;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.JdbcCaseService;
import org.claimdesk.cases.CustomerContact;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Customer and staff emails through the real {@link org.springframework.mail.javamail.JavaMailSender}
 * to a real SMTP server (GreenMail): the whole application on an in-memory H2, with the case
 * service and links (another package's work) mocked, or real where a case document needs a real
 * case. Emails go out right after the commit.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:notify_mail;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "claimdesk.notification.from=support@claimdesk.example",
    "claimdesk.notification.dispatch-interval=PT1H"})
@ActiveProfiles("demo")
class CustomerEmailTest {

  static final int SMTP_PORT = TestSmtp.freePort();

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.smtpOn(SMTP_PORT))
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @MockitoSpyBean
  JdbcCaseService cases;

  @MockitoSpyBean
  CaseLinks links;

  @Autowired
  CustomerNotifier customerNotifier;

  @Autowired
  StaffNotifier staffNotifier;

  @Autowired
  CaseDocuments documents;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PlatformTransactionManager transactionManager;

  TransactionTemplate transaction;

  @BeforeEach
  void setUp() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    transaction = new TransactionTemplate(transactionManager);
    doAnswer(call -> "https://claims.example.test/cases/" + call.getArgument(0) + "?token=tok-secret").when(links).privateLink(anyString());
  }

  static String newReference() {
    return "CD-" + UUID.randomUUID().toString().substring(0, 8);
  }

  String statusOf(String reference) {
    // FOR UPDATE waits while the sender still holds the row, so this reads its final status.
    return transaction.execute(status -> jdbc.sql(
            "select status from claimdesk.notification_outbox where case_reference = :reference for update")
        .param("reference", reference).query(String.class).single());
  }

  long rowsOf(String reference) {
    return jdbc.sql("select count(*) from claimdesk.notification_outbox where case_reference = :reference")
        .param("reference", reference).query(Long.class).single();
  }

  @Test
  @DisplayName("a French refusal arrives after the commit: subject, recipient, text and HTML parts in French, rule RF-2 and the link")
  void frenchRefusalIsSentAfterCommit() throws Exception {
    String reference = newReference();
    doReturn(new CustomerContact("Marie Dubois", "marie@example.com", Locale.FRENCH)).when(cases).contactOf(reference);
    doNothing().when(cases).appendTimeline(anyString(), anyString(), anyString());

    transaction.executeWithoutResult(status -> customerNotifier.send(reference, CustomerMessage.CLAIM_REFUSED,
        Map.of("ruleId", "RF-2", "agentMessage", "Votre commande <b>a été livrée</b> le 3 mai.")));

    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Votre demande " + reference + "\u00a0: notre décision");
    assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly("marie@example.com");
    assertThat(received.getFrom()).extracting(Object::toString).containsExactly("support@claimdesk.example");
    assertThat(received.getHeader("Content-Language")).containsExactly("fr");
    assertThat(received.getContentType()).startsWith("multipart/alternative");

    List<TestSmtp.Part> parts = TestSmtp.parts(received);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).contentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(parts.get(0).text())
        .startsWith("Bonjour Marie Dubois,")
        .contains("Règle RF-2\u00a0: Une réclamation pour non-livraison doit être faite par écrit")
        .contains("> Votre commande <b>a été livrée</b> le 3 mai.")
        .endsWith("https://claims.example.test/cases/" + reference + "?token=tok-secret\n");
    assertThat(parts.get(1).contentType()).startsWith("text/html");
    assertThat(parts.get(1).text())
        .contains("<html lang=\"fr\">")
        .contains("Votre commande &lt;b&gt;a été livrée&lt;/b&gt; le 3 mai.")
        .contains("<a href=\"https://claims.example.test/cases/" + reference + "?token=tok-secret\">");

    verify(cases).appendTimeline(eq(reference), eq("CLAIM_REFUSED"), argThat(text ->
        text.startsWith("Bonjour Marie Dubois,") && text.contains("Règle RF-2") && !text.contains("tok-secret")));
    assertThat(statusOf(reference)).isEqualTo("SENT");
  }

  @Test
  @DisplayName("every customer message in both languages: its language, its subject from the bundle, the case link in both parts")
  void everyMessageInBothLanguagesCarriesItsSubjectLanguageAndLink() throws Exception {
    doNothing().when(cases).appendTimeline(anyString(), anyString(), anyString());
    Map<String, Locale> sent = new LinkedHashMap<>();
    Map<String, CustomerMessage> kinds = new HashMap<>();
    for (Locale language : List.of(Locale.ENGLISH, Locale.FRENCH)) {
      for (CustomerMessage message : CustomerMessage.values()) {
        String reference = newReference();
        doReturn(new CustomerContact("Sam Client", "client+" + reference + "@example.com", language))
            .when(cases).contactOf(reference);
        transaction.executeWithoutResult(status ->
            customerNotifier.send(reference, message, SampleMessages.parametersOf(message)));
        sent.put(reference, language);
        kinds.put(reference, message);
      }
    }

    assertThat(smtp.waitForIncomingEmail(30_000, sent.size())).isTrue();
    assertThat(smtp.getReceivedMessages()).hasSize(sent.size());
    for (MimeMessage received : smtp.getReceivedMessages()) {
      String to = received.getRecipients(Message.RecipientType.TO)[0].toString();
      String reference = to.substring("client+".length(), to.indexOf('@'));
      Locale language = sent.get(reference);
      CustomerMessage message = kinds.get(reference);
      ResourceBundle texts = ResourceBundle.getBundle("mail/customer-messages", language,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
      String subject = new MessageFormat(texts.getString(message + ".subject"), language).format(new Object[] {reference});
      if (language == Locale.FRENCH) {
        subject = subject.replaceAll(" ([:;!?])", "\u00a0$1"); // French typography: a no-break space before : ; ! ?
      }
      String link = "https://claims.example.test/cases/" + reference + "?token=tok-secret";
      assertThat(received.getSubject()).as(message + " " + language).isEqualTo(subject);
      assertThat(received.getHeader("Content-Language")).as(message + " " + language)
          .containsExactly(language.getLanguage());
      List<TestSmtp.Part> parts = TestSmtp.parts(received);
      assertThat(parts.get(0).text()).as(message + " " + language)
          .startsWith(language == Locale.FRENCH ? "Bonjour Sam Client," : "Hello Sam Client,")
          .endsWith(link + "\n");
      assertThat(parts.get(1).text()).as(message + " " + language)
          .contains("<html lang=\"" + language.getLanguage() + "\">")
          .contains("<a href=\"" + link + "\">");
    }
  }

  @Test
  @DisplayName("an English message to an English customer")
  void englishMessage() throws Exception {
    String reference = newReference();
    doReturn(new CustomerContact("John Smith", "john@example.com", Locale.ENGLISH)).when(cases).contactOf(reference);
    doNothing().when(cases).appendTimeline(anyString(), anyString(), anyString());

    customerNotifier.send(reference, CustomerMessage.REFUND_PAID,
        Map.of("amount", org.claimdesk.commerce.Money.of(9000, "EUR")));

    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Your request " + reference + ": refund sent");
    assertThat(received.getHeader("Content-Language")).containsExactly("en");
    assertThat(TestSmtp.parts(received).get(0).text()).startsWith("Hello John Smith,")
        .contains("We have refunded 90.00 EUR to your original means of payment.");
    assertThat(statusOf(reference)).isEqualTo("SENT");
  }

  @Test
  @DisplayName("a rolled-back transaction leaves no outbox row and sends nothing")
  void rolledBackTransactionSendsNothing() throws Exception {
    String rolledBack = newReference();
    String committed = newReference();
    doReturn(new CustomerContact("Marie", "marie@example.com", Locale.FRENCH)).when(cases).contactOf(anyString());
    doNothing().when(cases).appendTimeline(anyString(), anyString(), anyString());

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      customerNotifier.send(rolledBack, CustomerMessage.CLOSED_NO_RESPONSE, Map.of());
      throw new IllegalStateException("the process step fails after the message");
    })).hasMessage("the process step fails after the message");
    assertThat(rowsOf(rolledBack)).isZero();

    // A message committed afterwards arrives, alone: the rolled-back one was never queued.
    transaction.executeWithoutResult(status ->
        customerNotifier.send(committed, CustomerMessage.CLOSED_NO_RESPONSE, Map.of()));
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(statusOf(committed)).isEqualTo("SENT");
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getSubject()).contains(committed);
    assertThat(rowsOf(rolledBack)).isZero();
  }

  @Test
  @DisplayName("bad parameters fail the caller and queue nothing")
  void badParametersQueueNothing() {
    String reference = newReference();
    doReturn(new CustomerContact("John", "john@example.com", Locale.ENGLISH)).when(cases).contactOf(reference);
    doNothing().when(cases).appendTimeline(anyString(), anyString(), anyString());

    assertThatThrownBy(() -> customerNotifier.send(reference, CustomerMessage.REFUND_PAID, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(rowsOf(reference)).isZero();
    verify(cases, never()).appendTimeline(eq(reference), anyString(), anyString());
  }

  @Test
  @DisplayName("the team lead notice goes to the team lead as plain text, never on the customer's timeline")
  void teamLeadNotice() throws Exception {
    String reference = newReference();

    transaction.executeWithoutResult(status -> staffNotifier.notifyTeamLead(reference,
        "First reply due for " + reference, "Nobody has replied to case " + reference + " for 24 hours."));

    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("First reply due for " + reference);
    // The demo profile's team lead.
    assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly("leo@claimdesk.example");
    assertThat(received.getContentType()).startsWith("text/plain");
    assertThat(TestSmtp.parts(received)).singleElement().extracting(TestSmtp.Part::text).asString()
        .contains("Nobody has replied to case " + reference + " for 24 hours.")
        .contains("Case: " + reference);
    assertThat(statusOf(reference)).isEqualTo("SENT");
    assertThat(jdbc.sql("select recipient_kind from claimdesk.notification_outbox where case_reference = :reference")
        .param("reference", reference).query(String.class).single()).isEqualTo("STAFF");
    verify(cases, never()).appendTimeline(anyString(), anyString(), anyString());
  }

  /** A real case of the demo customer Marie (French), for a document to belong to. */
  String openCase() {
    return transaction.execute(status -> cases.open(new JdbcCaseService.NewCase(CaseType.PAYMENT_DISCREPANCY,
        "cus-marie", "pay-" + UUID.randomUUID(), Locale.FRENCH, "Débité deux fois")).reference());
  }

  /** A PDF of ASCII bytes with bare line feeds: sent as text, SMTP would change them (CRLF). */
  static byte[] pdf(String reference) {
    return ("%PDF-1.7\n% Resolution " + reference + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Test
  @DisplayName("PD-6: a message with the case's document is multipart/mixed: text and HTML, then the PDF with its name")
  void documentIsAttached() throws Exception {
    String reference = openCase();
    byte[] pdf = pdf(reference);
    CaseDocument document = transaction.execute(status -> documents.store(reference, "resolution",
        CaseDocuments.RESOLUTION, "résolution " + reference + ".pdf", "application/pdf", pdf));

    transaction.executeWithoutResult(status -> customerNotifier.send(reference,
        CustomerMessage.DISCREPANCY_RESOLVED, SampleMessages.parametersOf(CustomerMessage.DISCREPANCY_RESOLVED),
        document.id()));

    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    assertThat(received.getSubject())
        .isEqualTo("Votre signalement " + reference + "\u00a0: notre enquête est terminée");
    assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly("marie.dubois@example.com");
    assertThat(received.getContentType()).startsWith("multipart/mixed");
    MimeMultipart mixed = (MimeMultipart) received.getContent();
    assertThat(mixed.getCount()).isEqualTo(2);
    assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
    List<TestSmtp.Part> parts = TestSmtp.parts((MimeMultipart) mixed.getBodyPart(0).getContent());
    assertThat(parts).extracting(TestSmtp.Part::contentType)
        .satisfiesExactly(type -> assertThat(type).startsWith("text/plain"),
            type -> assertThat(type).startsWith("text/html"));
    assertThat(parts.get(0).text()).startsWith("Bonjour Marie Dubois,")
        .contains("Le document joint retrace notre enquête et sa conclusion.");
    assertThat(parts.get(1).text()).contains("Le document joint retrace notre enquête et sa conclusion.");

    assertThat(TestSmtp.attachments(received)).singleElement().satisfies(attachment -> {
      assertThat(attachment.contentType()).startsWith("application/pdf");
      assertThat(attachment.disposition()).isEqualTo(Part.ATTACHMENT);
      assertThat(attachment.fileName()).isEqualTo("résolution " + reference + ".pdf");
      assertThat(attachment.content()).isEqualTo(pdf);
    });
    assertThat(statusOf(reference)).isEqualTo("SENT");
    assertThat(jdbc.sql("select attachment_document_id from claimdesk.notification_outbox where case_reference = ?")
        .param(reference).query(Long.class).single()).isEqualTo(Long.valueOf(document.id()));
  }

  @Test
  @DisplayName("an attachment that is not a document of the case (another case's, none) is refused; nothing is queued")
  void anotherCasesDocumentIsRefused() {
    String owner = openCase();
    String other = openCase();
    CaseDocument document = transaction.execute(status -> documents.store(owner, "resolution",
        CaseDocuments.RESOLUTION, "resolution.pdf", "application/pdf", pdf(owner)));
    Map<String, Object> parameters = SampleMessages.parametersOf(CustomerMessage.DISCREPANCY_RESOLVED);

    for (String attachment : List.of(document.id(), "999999999", "resolution")) {
      assertThatThrownBy(() -> transaction.executeWithoutResult(status -> customerNotifier.send(other,
          CustomerMessage.DISCREPANCY_RESOLVED, parameters, attachment)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a document of case " + other);
    }

    assertThat(rowsOf(other)).isZero();
    verify(cases, never()).appendTimeline(eq(other), eq("DISCREPANCY_RESOLVED"), anyString());
    assertThat(rowsOf(owner)).isZero();
  }
}
