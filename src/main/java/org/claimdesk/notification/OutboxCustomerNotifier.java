package org.claimdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.claimdesk.cases.CaseLinks;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CustomerContact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The {@link CustomerNotifier}: in the caller's transaction, renders the message in the
 * customer's language, adds its text to the case timeline and queues the email in the outbox;
 * after the commit the {@link OutboxDispatcher} sends it. A rolled-back caller leaves neither a
 * timeline entry nor an outbox row, and nothing is sent.
 */
@Service
class OutboxCustomerNotifier implements CustomerNotifier {

  private static final Logger log = LoggerFactory.getLogger(OutboxCustomerNotifier.class);

  private final CaseService cases;
  private final CaseLinks links;
  private final CustomerMessageRenderer renderer;
  private final NotificationOutbox outbox;
  private final OutboxDispatcher dispatcher;
  private final MailGateway mail;
  private final Clock clock;

  OutboxCustomerNotifier(CaseService cases, CaseLinks links, CustomerMessageRenderer renderer,
      NotificationOutbox outbox, OutboxDispatcher dispatcher, MailGateway mail, Clock clock) {
    this.cases = cases;
    this.links = links;
    this.renderer = renderer;
    this.outbox = outbox;
    this.dispatcher = dispatcher;
    this.mail = mail;
    this.clock = clock;
  }

  /**
   * @throws IllegalArgumentException when the parameters do not fit the message (see
   *     {@link CustomerMessage}); nothing is written then
   * @throws IllegalStateException when the case has no email address
   */
  @Override
  @Transactional
  public void send(String caseReference, CustomerMessage message, Map<String, Object> parameters) {
    CustomerContact contact = cases.contactOf(caseReference);
    if (contact == null || !StringUtils.hasText(contact.email())) {
      throw new IllegalStateException("Case " + caseReference + " has no email address to write to");
    }
    RenderedMessage rendered = renderer.render(message, caseReference, contact,
        links.privateLink(caseReference), parameters);
    cases.appendTimeline(caseReference, message.name(), rendered.timelineText());

    Instant now = clock.instant();
    OutboxEntry queued = new OutboxEntry(UUID.randomUUID().toString(), caseReference,
        OutboxEntry.RecipientKind.CUSTOMER, message.name(), rendered.language().getLanguage(),
        contact.email().strip(), rendered.subject(), rendered.textBody(), rendered.htmlBody(),
        mail.configured() ? OutboxEntry.Status.PENDING : OutboxEntry.Status.NO_SMTP, 0, now, null,
        now, null);
    outbox.insert(queued);
    log.debug("Queued {} of case {} to {}", message, caseReference, queued.maskedRecipient());
    dispatcher.afterCommit(queued);
  }
}
