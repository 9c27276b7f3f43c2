package org.claimdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gets queued emails out of the outbox. Right after the transaction that queued an email
 * commits, it is handed to a background thread that sends it (the committing thread, often the
 * engine's job executor, does not wait for SMTP); if that fails, or the node stops first, the
 * scheduled {@link #dispatchDue()} retries it with a doubling wait until it is sent or has had
 * {@code claimdesk.notification.max-attempts} attempts (then FAILED).
 *
 * <p>Each attempt runs in its own short transaction that claims the row with
 * {@code FOR UPDATE SKIP LOCKED}, sends, and records the outcome before it commits; so on one
 * database several nodes (and the two paths of one node) never send the same email twice. A
 * node that dies between the SMTP server's acceptance and the commit sends it again later: at
 * least once, as email allows.
 */
@Component
class OutboxDispatcher implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final String MDC_CASE_REFERENCE = "caseReference";

  private final NotificationOutbox outbox;
  private final MailGateway mail;
  private final NotificationProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ThreadPoolExecutor afterCommitSender;

  OutboxDispatcher(NotificationOutbox outbox, MailGateway mail, NotificationProperties properties,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.outbox = outbox;
    this.mail = mail;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    // One sender thread and a bounded queue: when it is full, the email simply waits for the
    // scheduled dispatcher.
    this.afterCommitSender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(1000), new CustomizableThreadFactory("claimdesk-mail-"),
        (task, executor) -> log.warn("Email queue full: the dispatcher sends the email later"));
  }

  /**
   * Called in the transaction that queued the email: once it commits, says so in the log and
   * sends the email in the background (PENDING) or leaves it (NO_SMTP). Nothing happens on a
   * rollback, and then the row is gone too.
   */
  void afterCommit(OutboxEntry queued) {
    Runnable afterCommit = () -> {
      if (queued.status() == OutboxEntry.Status.NO_SMTP) {
        withCase(queued.caseReference(), () -> log.info(
            "{} of case {} to {} kept in the outbox, not sent: no SMTP server configured",
            queued.messageKind(), queued.caseReference(), queued.maskedRecipient()));
      } else if (properties.sendAfterCommit()) {
        afterCommitSender.execute(() -> dispatch(queued.id()));
      }
    };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          afterCommit.run();
        }
      });
    } else {
      afterCommit.run();
    }
  }

  /** Sends every due PENDING email (up to the batch size); the scheduler calls it on every node. */
  @Scheduled(fixedDelayString = "${claimdesk.notification.dispatch-interval:PT30S}",
      initialDelayString = "${claimdesk.notification.dispatch-interval:PT30S}")
  void dispatchDue() {
    if (!mail.configured()) {
      return;
    }
    for (String id : outbox.dueIds(clock.instant(), properties.batchSize())) {
      dispatch(id);
    }
  }

  /**
   * One attempt at one email, if it is still PENDING, due, and not being sent by someone else.
   *
   * @return whether an attempt was made
   */
  boolean dispatch(String id) {
    if (!mail.configured()) {
      return false;
    }
    Boolean attempted = transactions.execute(status -> {
      Optional<OutboxEntry> claimed = outbox.claim(id, clock.instant());
      claimed.ifPresent(entry -> withCase(entry.caseReference(), () -> attempt(entry)));
      return claimed.isPresent();
    });
    return Boolean.TRUE.equals(attempted);
  }

  private void attempt(OutboxEntry entry) {
    int attempts = entry.attempts() + 1;
    try {
      mail.send(entry);
    } catch (Exception e) {
      String error = EmailMasking.maskAll(e.getClass().getSimpleName() + ": " + e.getMessage());
      if (attempts >= properties.maxAttempts()) {
        outbox.markFailed(entry.id(), attempts, error);
        log.warn("Gave up sending {} of case {} to {} after {} attempts (status FAILED): {}",
            entry.messageKind(), entry.caseReference(), entry.maskedRecipient(), attempts, error);
      } else {
        Instant next = clock.instant().plus(properties.backoffAfter(attempts));
        outbox.markRetry(entry.id(), attempts, next, error);
        log.warn("Sending {} of case {} to {} failed (attempt {} of {}), next attempt at {}: {}",
            entry.messageKind(), entry.caseReference(), entry.maskedRecipient(), attempts,
            properties.maxAttempts(), next, error);
      }
      return;
    }
    outbox.markSent(entry.id(), attempts, clock.instant());
    log.info("Sent {} of case {} to {}", entry.messageKind(), entry.caseReference(), entry.maskedRecipient());
  }

  private static void withCase(String caseReference, Runnable action) {
    try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_CASE_REFERENCE, caseReference)) {
      action.run();
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    afterCommitSender.shutdown();
    if (!afterCommitSender.awaitTermination(10, TimeUnit.SECONDS)) {
      afterCommitSender.shutdownNow();
    }
  }
}
