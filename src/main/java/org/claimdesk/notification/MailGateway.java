package org.claimdesk.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import org.claimdesk.cases.CaseDocument;
import org.claimdesk.cases.CaseDocuments;
import org.claimdesk.cases.CaseLinks;
import org.claimdesk.cases.ChannelFiling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Sends an outbox email through Spring's {@link JavaMailSender}, which Spring Boot creates when
 * {@code spring.mail.host} is set. Without a host (or with a blank one, as the postgres profile
 * has when {@code CLAIMDESK_SMTP_HOST} is unset) SMTP counts as not configured: emails stay in
 * the outbox as {@code NO_SMTP}. An email whose row names a case document goes out as
 * {@code multipart/mixed}: the message itself, then the document as an attachment. A customer's
 * email gets its private link, token included, only here ({@link PrivateLinks#restore}): the
 * outbox row never holds it.
 */
@Component
class MailGateway {

  private static final Logger log = LoggerFactory.getLogger(MailGateway.class);

  private final JavaMailSender sender;
  private final CaseDocuments documents;
  private final CaseLinks links;
  private final ChannelFiling channels;
  private final String from;
  private final Clock clock;

  MailGateway(ObjectProvider<JavaMailSender> sender, CaseDocuments documents, CaseLinks links, ChannelFiling channels,
      Environment environment, NotificationProperties properties, Clock clock) {
    this.documents = documents;
    this.links = links;
    this.channels = channels;
    boolean hostSet = StringUtils.hasText(environment.getProperty("spring.mail.host"));
    this.sender = hostSet ? sender.getIfAvailable() : null;
    this.from = properties.from();
    this.clock = clock;
    if (this.sender == null) {
      log.info("No SMTP server configured (spring.mail.host): emails are kept in the outbox"
          + " table claimdesk.notification_outbox with status NO_SMTP, never sent");
    } else if (!StringUtils.hasText(from)) {
      throw new IllegalStateException("spring.mail.host is set but claimdesk.notification.from is not:"
          + " set the sender address (CLAIMDESK_MAIL_FROM in the postgres profile)");
    }
  }

  boolean configured() {
    return sender != null;
  }

  /**
   * Sends one email; throws when the SMTP server does not take it, or when its attachment is no
   * longer a document of its case (then the dispatcher retries, and gives up as for SMTP).
   */
  void send(OutboxEntry queued) throws MessagingException {
    if (sender == null) {
      throw new IllegalStateException("No SMTP server configured");
    }
    OutboxEntry entry = withPrivateLink(queued);
    CaseDocuments.DocumentContent attachment = entry.attachmentDocumentId() == null ? null
        : documents.content(entry.caseReference(), entry.attachmentDocumentId()).orElseThrow(() ->
            new IllegalStateException("Document " + entry.attachmentDocumentId() + " of case "
                + entry.caseReference() + " to attach is not stored"));
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(entry.recipient());
    helper.setSubject(entry.subject());
    helper.setSentDate(Date.from(clock.instant()));
    if (entry.htmlBody() == null && attachment == null) {
      helper.setText(entry.textBody(), false);
    } else if (attachment == null) {
      message.setContent(alternative(entry));
    } else {
      // multipart/mixed: what the mail program shows (as without an attachment), then the file.
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart body = new MimeBodyPart();
      if (entry.htmlBody() == null) {
        body.setText(entry.textBody(), StandardCharsets.UTF_8.name(), "plain");
      } else {
        body.setContent(alternative(entry));
      }
      mixed.addBodyPart(body);
      mixed.addBodyPart(attachment(attachment));
      message.setContent(mixed);
    }
    message.setHeader("Content-Language", entry.language());
    // The case in the Message-ID: a customer's reply names it in In-Reply-To (org.claimdesk.mailbox).
    // JavaMailSenderImpl keeps a Message-ID set here when it saves the message.
    message.setHeader("Message-ID", MessageIds.of(entry.caseReference(), entry.id(), from));
    // Every email of a case in one thread of the customer's mail program, under the mail that opened it.
    String thread = MessageIds.threadOf(entry.caseReference(), from);
    Optional<String> origin = entry.recipientKind() == OutboxEntry.RecipientKind.CUSTOMER
        ? channels.originMessageIdOf(entry.caseReference()) : Optional.empty();
    message.setHeader("References", origin.map(id -> "<" + id + "> ").orElse("") + thread);
    message.setHeader("In-Reply-To", origin.map(id -> "<" + id + ">").orElse(thread));
    // RFC 3834: an automatic message, so auto-responders do not answer it.
    message.setHeader("Auto-Submitted", "auto-generated");
    sender.send(message);
  }

  /** A customer's email with its private link as sent; a staff notice as it is. */
  private OutboxEntry withPrivateLink(OutboxEntry entry) {
    if (entry.recipientKind() != OutboxEntry.RecipientKind.CUSTOMER) {
      return entry;
    }
    String link = links.privateLink(entry.caseReference());
    return entry.withBodies(PrivateLinks.restore(entry.textBody(), link), PrivateLinks.restore(entry.htmlBody(), link));
  }

  /** multipart/alternative: mail programs show the HTML part, or the text where they cannot. */
  private static MimeMultipart alternative(OutboxEntry entry) throws MessagingException {
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(part(entry.textBody(), "plain"));
    alternative.addBodyPart(part(entry.htmlBody(), "html"));
    return alternative;
  }

  /**
   * The file with its name (RFC 2231-encoded when it is not ASCII), to save rather than show.
   * Always base64: a file whose bytes happen to be ASCII would otherwise go as 7bit text, and
   * SMTP would turn its line ends into CRLF, changing the file.
   */
  private static MimeBodyPart attachment(CaseDocuments.DocumentContent document) throws MessagingException {
    CaseDocument item = document.document();
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(document.content(), item.contentType())));
    part.setDisposition(Part.ATTACHMENT);
    part.setFileName(item.fileName());
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  private static MimeBodyPart part(String text, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, StandardCharsets.UTF_8.name(), subtype);
    return part;
  }
}
