package org.claimdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.claimdesk.cases.CaseLinks;
import org.claimdesk.cases.JdbcCaseService;
import org.claimdesk.cases.CustomerContact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The dispatcher retries what could not be sent, with a growing wait, gives up after the
 * configured attempts, and never sends an email twice. Here only the dispatcher sends
 * ({@code send-after-commit=false}) and the test calls it, so every attempt is deterministic;
 * the SMTP server (GreenMail) is stopped and started by the test, time moves with the engine clock.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:notify_retry;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "claimdesk.notification.from=support@claimdesk.example",
    "claimdesk.notification.dispatch-interval=PT1H",
    "claimdesk.notification.send-after-commit=false",
    "claimdesk.notification.max-attempts=3",
    "claimdesk.notification.retry-backoff=PT5M",
    "claimdesk.notification.max-retry-backoff=PT8M"})
@ActiveProfiles("demo")
class OutboxRetryTest {

  static final int SMTP_PORT = TestSmtp.freePort();
  static final Instant START = Instant.parse("2026-11-20T09:00:00Z");

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
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
  JdbcClient jdbc;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  List<ScheduledTaskHolder> schedules;

  GreenMail smtp;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(START));
    doAnswer(call -> "https://claims.example.test/cases/" + call.getArgument(0)).when(links).privateLink(anyString());
    doReturn(new CustomerContact("John", "john@example.com", Locale.ENGLISH)).when(cases).contactOf(anyString());
    doNothing().when(cases).appendTimeline(anyString(), anyString(), anyString());
    // Rows of earlier tests must not be due: they are either SENT or FAILED.
    assertThat(jdbc.sql("select count(*) from claimdesk.notification_outbox where status = 'PENDING'")
        .query(Long.class).single()).isZero();
  }

  @AfterEach
  void tearDown() {
    if (smtp != null) {
      smtp.stop();
    }
    ClockUtil.reset();
  }

  void startSmtp() {
    smtp = new GreenMail(TestSmtp.smtpOn(SMTP_PORT));
    smtp.start();
  }

  void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  String queue() {
    String reference = "CD-" + UUID.randomUUID().toString().substring(0, 8);
    notifier.send(reference, CustomerMessage.CLOSED_NO_RESPONSE, Map.of());
    return jdbc.sql("select id from claimdesk.notification_outbox where case_reference = :reference")
        .param("reference", reference).query(String.class).single();
  }

  OutboxEntry row(String id) {
    return outbox.find(id).orElseThrow();
  }

  @Test
  @DisplayName("SMTP down: the attempt fails and the email waits; SMTP up and the wait over: sent once, never twice")
  void failedEmailIsRetriedAndSentOnce() throws Exception {
    String id = queue();
    assertThat(row(id).status()).isEqualTo(OutboxEntry.Status.PENDING);

    dispatcher.dispatchDue();
    OutboxEntry failed = row(id);
    assertThat(failed.status()).isEqualTo(OutboxEntry.Status.PENDING);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(failed.lastError()).isNotBlank().doesNotContain("john@example.com");

    startSmtp();
    dispatcher.dispatchDue();
    assertThat(row(id).attempts()).as("not due before its wait is over").isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).isEmpty();

    moveClock(Duration.ofMinutes(5));
    dispatcher.dispatchDue();
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    OutboxEntry sent = row(id);
    assertThat(sent.status()).isEqualTo(OutboxEntry.Status.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(sent.sentAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(sent.lastError()).isNull();

    moveClock(Duration.ofHours(1));
    dispatcher.dispatchDue();
    assertThat(dispatcher.dispatch(id)).isFalse();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  @DisplayName("after max-attempts failures the email is FAILED and never sent, even when SMTP comes back")
  void givesUpAfterMaxAttempts() {
    String id = queue();

    dispatcher.dispatchDue();
    assertThat(row(id).nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    moveClock(Duration.ofMinutes(5));
    dispatcher.dispatchDue();
    // The wait doubles, capped by max-retry-backoff: 10 minutes would be more than 8.
    assertThat(row(id).nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(5 + 8)));
    moveClock(Duration.ofMinutes(8));
    dispatcher.dispatchDue();
    OutboxEntry failed = row(id);
    assertThat(failed.status()).isEqualTo(OutboxEntry.Status.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);

    startSmtp();
    moveClock(Duration.ofHours(1));
    dispatcher.dispatchDue();
    assertThat(dispatcher.dispatch(id)).isFalse();
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(row(id).status()).isEqualTo(OutboxEntry.Status.FAILED);
  }

  @Test
  @DisplayName("the dispatcher runs on a fixed delay of claimdesk.notification.dispatch-interval")
  void dispatcherIsScheduled() {
    assertThat(schedules.stream().flatMap(holder -> holder.getScheduledTasks().stream()))
        .map(ScheduledTask::getTask)
        .filteredOn(task -> task.toString().endsWith("OutboxDispatcher.dispatchDue"))
        .singleElement()
        .isInstanceOfSatisfying(FixedDelayTask.class, task -> {
          assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofHours(1));
          assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofHours(1));
        });
  }

  @Test
  @DisplayName("an email another node is sending (row locked) is skipped, not waited for nor sent twice")
  void lockedEmailIsSkipped() throws Exception {
    String id = queue();
    startSmtp();
    TransactionTemplate otherNode = new TransactionTemplate(transactionManager);
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> otherNodeClaim = thread.submit(() -> otherNode.execute(status -> {
        boolean found = outbox.claim(id, START).isPresent();
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

      assertThat(dispatcher.dispatch(id)).as("skipped while locked").isFalse();
      dispatcher.dispatchDue();
      assertThat(row(id).attempts()).isZero();

      release.countDown();
      assertThat(otherNodeClaim.get(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      release.countDown();
      thread.shutdownNow();
    }
    assertThat(dispatcher.dispatch(id)).as("sent once the other node let go").isTrue();
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(row(id).status()).isEqualTo(OutboxEntry.Status.SENT);
    assertThat(dispatcher.dispatch(id)).isFalse();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }
}
