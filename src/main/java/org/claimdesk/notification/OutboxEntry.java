package org.claimdesk.notification;

import java.time.Instant;

/**
 * One email in the outbox table {@code claimdesk.notification_outbox} (V3).
 *
 * @param messageKind a {@link CustomerMessage} name, or {@link OutboxEntry#TEAM_LEAD_NOTICE}
 * @param htmlBody null for a plain-text email (staff notices)
 * @param attachmentDocumentId the case document the email carries as an attachment (V6), null for
 *     none; its bytes are read when the email is sent
 */
record OutboxEntry(
    String id,
    String caseReference,
    RecipientKind recipientKind,
    String messageKind,
    String language,
    String recipient,
    String subject,
    String textBody,
    String htmlBody,
    Status status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant sentAt,
    Long attachmentDocumentId) {

  static final String TEAM_LEAD_NOTICE = "TEAM_LEAD_NOTICE";

  enum RecipientKind {
    /** The case's customer; the text is on the case timeline too. */
    CUSTOMER,
    /** Staff (the team lead); never on the customer's timeline. */
    STAFF
  }

  enum Status {
    /** To be sent; {@code nextAttemptAt} says from when. */
    PENDING,
    SENT,
    /** Given up after the configured number of attempts. */
    FAILED,
    /** No SMTP server configured: kept in the outbox, never sent. */
    NO_SMTP
  }

  /** The same email with other bodies (the private link put back in, as it is sent). */
  OutboxEntry withBodies(String text, String html) {
    return new OutboxEntry(id, caseReference, recipientKind, messageKind, language, recipient, subject, text, html,
        status, attempts, nextAttemptAt, lastError, createdAt, sentAt, attachmentDocumentId);
  }

  /** The recipient for logs: {@code m***@example.com}. */
  String maskedRecipient() {
    return EmailMasking.mask(recipient);
  }
}
