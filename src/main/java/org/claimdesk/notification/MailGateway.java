package org.claimdesk.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Sends an outbox email through Spring's {@link JavaMailSender}, which Spring Boot creates when
 * {@code spring.mail.host} is set. Without a host (or with a blank one, as the postgres profile
 * has when {@code CLAIMDESK_SMTP_HOST} is unset) SMTP counts as not configured: emails stay in
 * the outbox as {@code NO_SMTP}.
 */
@Component
class MailGateway {

  private static final Logger log = LoggerFactory.getLogger(MailGateway.class);

  private final JavaMailSender sender;
  private final String from;
  private final Clock clock;

  MailGateway(ObjectProvider<JavaMailSender> sender, Environment environment,
      NotificationProperties properties, Clock clock) {
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

  /** Sends one email; throws when the SMTP server does not take it. */
  void send(OutboxEntry entry) throws MessagingException {
    if (sender == null) {
      throw new IllegalStateException("No SMTP server configured");
    }
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(entry.recipient());
    helper.setSubject(entry.subject());
    helper.setSentDate(Date.from(clock.instant()));
    if (entry.htmlBody() == null) {
      helper.setText(entry.textBody(), false);
    } else {
      // multipart/alternative: mail programs show the HTML part, or the text where they cannot.
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(part(entry.textBody(), "plain"));
      alternative.addBodyPart(part(entry.htmlBody(), "html"));
      message.setContent(alternative);
    }
    message.setHeader("Content-Language", entry.language());
    // RFC 3834: an automatic message, so auto-responders do not answer it.
    message.setHeader("Auto-Submitted", "auto-generated");
    sender.send(message);
  }

  private static MimeBodyPart part(String text, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, StandardCharsets.UTF_8.name(), subtype);
    return part;
  }
}
