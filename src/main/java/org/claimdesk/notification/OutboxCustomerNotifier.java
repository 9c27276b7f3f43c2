package org.claimdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.claimdesk.cases.CaseDocument;
import org.claimdesk.cases.CaseDocuments;
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
 * timeline entry nor an outbox row, and nothing is sent. The queued bodies hold the private link
 * without its token ({@link PrivateLinks}). An attachment is a document of the case
 * ({@link CaseDocuments}); the row names it, and the {@link MailGateway} reads its bytes when it
 * sends.
 */
@Service
class OutboxCustomerNotifier implements CustomerNotifier {

  private static final Logger log = LoggerFactory.getLogger(OutboxCustomerNotifier.class);

  private final CaseService cases;
  private final CaseDocuments documents;
  private final CaseLinks links;
  private final CustomerMessageRenderer renderer;
  private final NotificationOutbox outbox;
  private final OutboxDispatcher dispatcher;
  private final MailGateway mail;
  private final Clock clock;

  OutboxCustomerNotifier(CaseService cases, CaseDocuments documents, CaseLinks links,
      CustomerMessageRenderer renderer, NotificationOutbox outbox, OutboxDispatcher dispatcher, MailGateway mail,
      Clock clock) {
    this.cases = cases;
    this.documents = documents;
    this.links = links;
    this.renderer = renderer;
    this.outbox = outbox;
    this.dispatcher = dispatcher;
    this.mail = mail;
    this.clock = clock;
  }

  /** Here too, so that the call opens a transaction when the caller has none (the default would not). */
  @Override
  @Transactional
  public void send(String caseReference, CustomerMessage message, Map<String, Object> parameters) {
    send(caseReference, message, parameters, null);
  }

  /**
   * @throws IllegalArgumentException when the parameters do not fit the message (see
   *     {@link CustomerMessage}), or the attachment is not a document of this case; nothing is
   *     written then
   * @throws IllegalStateException when the case has no email address
   */
  @Override
  @Transactional
  public void send(String caseReference, CustomerMessage message, Map<String, Object> parameters,
      String attachmentDocumentId) {
    Long attachment = attachmentDocumentId == null ? null : attachmentOf(caseReference, attachmentDocumentId);
    CustomerContact contact = cases.contactOf(caseReference);
    if (contact == null || !StringUtils.hasText(contact.email())) {
      throw new IllegalStateException("Case " + caseReference + " has no email address to write to");
    }
    // The stored bodies hold the link without its token; the MailGateway adds it when it sends.
    RenderedMessage rendered = renderer.render(message, caseReference, contact,
        PrivateLinks.redacted(links.privateLink(caseReference)), parameters);
    cases.appendTimeline(caseReference, message.name(), rendered.timelineText());

    Instant now = clock.instant();
    OutboxEntry queued = new OutboxEntry(UUID.randomUUID().toString(), caseReference,
        OutboxEntry.RecipientKind.CUSTOMER, message.name(), rendered.language().getLanguage(),
        contact.email().strip(), rendered.subject(), rendered.textBody(), rendered.htmlBody(),
        mail.configured() ? OutboxEntry.Status.PENDING : OutboxEntry.Status.NO_SMTP, 0, now, null,
        now, null, attachment);
    outbox.insert(queued);
    log.debug("Queued {} of case {} to {}{}", message, caseReference, queued.maskedRecipient(),
        attachment == null ? "" : " with document " + attachment);
    dispatcher.afterCommit(queued);
  }

  /** The id of a document of the case; another case's document, or none, is refused. */
  private Long attachmentOf(String caseReference, String documentId) {
    CaseDocument document = documents.documentsOf(caseReference).stream()
        .filter(candidate -> candidate.id().equals(documentId.strip()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Document " + documentId
            + " is not a document of case " + caseReference + "; it cannot be attached"));
    return Long.valueOf(document.id());
  }
}
