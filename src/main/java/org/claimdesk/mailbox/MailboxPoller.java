package org.claimdesk.mailbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code claimdesk.mailbox.poll-interval}, on every node: fetch the new mails, then handle the
 * mails waiting (this node's and any other's). On only when {@code claimdesk.mailbox.host} is set.
 * Gauge {@code claimdesk.mailbox.failed}: the mails that failed and wait for an operator.
 */
@Component
@ConditionalOnExpression("!'${claimdesk.mailbox.host:}'.isBlank()")
public class MailboxPoller {

  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

  private final MailboxFetcher fetcher;
  private final InboundMails mails;
  private final MailboxProperties properties;
  private final AtomicBoolean running = new AtomicBoolean();

  MailboxPoller(MailboxFetcher fetcher, InboundMails mails, MailboxProperties properties, InboundMailStore store,
      MeterRegistry meters) {
    this.fetcher = fetcher;
    this.mails = mails;
    this.properties = properties;
    Gauge.builder("claimdesk.mailbox.failed", () -> store.count(InboundMailStatus.FAILED))
        .description("Mails of the support mailbox that could not be handled")
        .register(meters);
    log.info("Reading the support mailbox {}://{}:{}/{} as {} every {}", properties.protocol(), properties.host(),
        properties.port(), properties.folder(), properties.username(), properties.pollInterval());
  }

  @Scheduled(initialDelayString = "${claimdesk.mailbox.poll-interval:PT30S}",
      fixedDelayString = "${claimdesk.mailbox.poll-interval:PT30S}")
  void poll() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      pollOnce();
    } finally {
      running.set(false);
    }
  }

  /**
   * Fetch, then handle; a mailbox that cannot be reached leaves the kept mails to be handled anyway.
   *
   * @return how many mails this node handled
   */
  public int pollOnce() {
    try {
      int kept = fetcher.fetch();
      if (kept > 0) {
        log.info("{} new mails kept from the support mailbox", kept);
      }
    } catch (Exception unreachable) {
      log.warn("The support mailbox {}:{} cannot be read: {}", properties.host(), properties.port(),
          InboundMails.describe(unreachable));
    }
    return mails.handleWaiting();
  }
}
