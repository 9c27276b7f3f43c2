package org.claimdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doAnswer;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.claimdesk.cases.CaseDocument;
import org.claimdesk.cases.CaseDocuments;
import org.claimdesk.cases.CaseLinks;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.JdbcCaseService;
import org.claimdesk.cases.CustomerContact;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The outbox on PostgreSQL: the V3 and V6 migrations, an email sent after the commit through a
 * real SMTP server (GreenMail), with a case document attached, nothing from a rolled-back
 * transaction, and SKIP LOCKED keeping two senders (two nodes) off the same email.
 */
@PostgresIntegrationTest
class NotificationOutboxIT {

  static final int SMTP_PORT = TestSmtp.freePort();

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.smtpOn(SMTP_PORT))
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    TestSmtp.mailTo(registry, SMTP_PORT);
  }

  @MockitoSpyBean
  JdbcCaseService cases;

  @MockitoSpyBean
  CaseLinks links;

  @Autowired
  CustomerNotifier notifier;

  @Autowired
  OutboxDispatcher dispatcher;

  @Autowired
  NotificationOutbox outbox;

  @Autowired
  CaseDocuments documents;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PlatformTransactionManager transactionManager;

  TransactionTemplate transaction;
  String reference;

  @BeforeEach
  void setUp() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    transaction = new TransactionTemplate(transactionManager);
    reference = "CD-" + UUID.randomUUID().toString().substring(0, 8);
    doAnswer(call -> "https://claims.example.test/cases/" + call.getArgument(0)).when(links).privateLink(anyString());
    doReturn(new CustomerContact("Marie", "marie@example.com", Locale.FRENCH)).when(cases).contactOf(anyString());
    doNothing().when(cases).appendTimeline(anyString(), anyString(), anyString());
  }

  String statusOf(String caseReference) {
    // FOR UPDATE waits while a sender holds the row, so this reads its final status.
    return transaction.execute(status -> jdbc.sql(
            "select status from claimdesk.notification_outbox where case_reference = :reference for update")
        .param("reference", caseReference).query(String.class).single());
  }

  @Test
  @DisplayName("PostgreSQL: queued in the transaction, sent after the commit, marked SENT")
  void sentAfterCommit() throws Exception {
    transaction.executeWithoutResult(status ->
        notifier.send(reference, CustomerMessage.CREDIT_ADDED, Map.of("amount", SampleMessages.AMOUNT)));

    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(smtp.getReceivedMessages()[0].getSubject()).contains(reference);
    assertThat(TestSmtp.parts(smtp.getReceivedMessages()[0]).get(0).text()).contains("un avoir de 90,00 EUR");
    assertThat(statusOf(reference)).isEqualTo("SENT");
  }

  @Test
  @DisplayName("PostgreSQL: a case document (bytea) goes out attached to the email that names it")
  void documentAttached() throws Exception {
    byte[] pdf = "%PDF-1.7\n% resolution\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    String caseReference = transaction.execute(status -> cases.open(new JdbcCaseService.NewCase(
        CaseType.PAYMENT_DISCREPANCY, "cus-marie", "pay-" + UUID.randomUUID(), Locale.FRENCH, "Débité deux fois"))
        .reference());
    CaseDocument document = transaction.execute(status -> documents.store(caseReference, "resolution",
        CaseDocuments.RESOLUTION, "resolution.pdf", "application/pdf", pdf));

    transaction.executeWithoutResult(status -> notifier.send(caseReference, CustomerMessage.DISCREPANCY_RESOLVED,
        SampleMessages.parametersOf(CustomerMessage.DISCREPANCY_RESOLVED), document.id()));

    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(smtp.getReceivedMessages()[0].getContentType()).startsWith("multipart/mixed");
    assertThat(TestSmtp.attachments(smtp.getReceivedMessages()[0])).singleElement()
        .satisfies(attachment -> {
          assertThat(attachment.fileName()).isEqualTo("resolution.pdf");
          assertThat(attachment.content()).isEqualTo(pdf);
        });
    assertThat(statusOf(caseReference)).isEqualTo("SENT");
  }

  @Test
  @DisplayName("PostgreSQL: a rolled-back transaction leaves no row")
  void rolledBackLeavesNoRow() {
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      notifier.send(reference, CustomerMessage.CLOSED_NO_RESPONSE, Map.of());
      throw new IllegalStateException("step failed");
    })).hasMessage("step failed");

    assertThat(jdbc.sql("select count(*) from claimdesk.notification_outbox where case_reference = :reference")
        .param("reference", reference).query(Long.class).single()).isZero();
  }

  @Test
  @DisplayName("PostgreSQL: an email locked by another sender is skipped at once, then sent once")
  void skipLockedKeepsSendersApart() throws Exception {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    transaction.executeWithoutResult(status -> outbox.insert(new OutboxEntry(id, reference,
        OutboxEntry.RecipientKind.STAFF, OutboxEntry.TEAM_LEAD_NOTICE, "en", "lead@example.com",
        "Late first reply", "Please look at it.\n", null, OutboxEntry.Status.PENDING, 0, now, null,
        now, null, null)));

    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService otherNode = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> otherClaim = otherNode.submit(() -> new TransactionTemplate(transactionManager).execute(status -> {
        boolean found = outbox.claim(id, Instant.now()).isPresent();
        claimed.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        status.setRollbackOnly();
        return found;
      }));
      assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

      assertThat(outbox.dueIds(Instant.now(), 100)).contains(id);
      assertThat(dispatcher.dispatch(id)).as("skipped while locked").isFalse();
      assertThat(smtp.getReceivedMessages()).isEmpty();

      release.countDown();
      assertThat(otherClaim.get(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      release.countDown();
      otherNode.shutdownNow();
    }
    assertThat(dispatcher.dispatch(id)).isTrue();
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxEntry.Status.SENT);
    assertThat(dispatcher.dispatch(id)).isFalse();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }
}
