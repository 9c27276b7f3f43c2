package org.claimdesk.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table {@code claimdesk.notification_outbox}. Every call joins the caller's
 * transaction. Several nodes share the table: an email is claimed with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 2.x alike), so a node never
 * waits for, nor sends, a row another node is sending.
 */
@Repository
class NotificationOutbox {

  private static final String COLUMNS = "id, case_reference, recipient_kind, message_kind, language,"
      + " recipient, subject, text_body, html_body, status, attempts, next_attempt_at, last_error,"
      + " created_at, sent_at, attachment_document_id";

  private final JdbcClient jdbc;

  NotificationOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(OutboxEntry entry) {
    jdbc.sql("insert into claimdesk.notification_outbox (" + COLUMNS + ") values (:id, :caseReference,"
            + " :recipientKind, :messageKind, :language, :recipient, :subject, :textBody, :htmlBody,"
            + " :status, :attempts, :nextAttemptAt, :lastError, :createdAt, :sentAt, :attachmentDocumentId)")
        .param("id", entry.id())
        .param("caseReference", entry.caseReference())
        .param("recipientKind", entry.recipientKind().name())
        .param("messageKind", entry.messageKind())
        .param("language", entry.language())
        .param("recipient", entry.recipient())
        .param("subject", entry.subject())
        .param("textBody", entry.textBody())
        .param("htmlBody", entry.htmlBody())
        .param("status", entry.status().name())
        .param("attempts", entry.attempts())
        .param("nextAttemptAt", DbTimes.toDb(entry.nextAttemptAt()))
        .param("lastError", entry.lastError())
        .param("createdAt", DbTimes.toDb(entry.createdAt()))
        .param("sentAt", DbTimes.toDb(entry.sentAt()))
        .param("attachmentDocumentId", entry.attachmentDocumentId(), Types.BIGINT)
        .update();
  }

  Optional<OutboxEntry> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.notification_outbox where id = :id")
        .param("id", id)
        .query((rs, row) -> map(rs))
        .optional();
  }

  /** PENDING emails due at {@code now}, oldest due first; not locked (see {@link #claim}). */
  List<String> dueIds(Instant now, int limit) {
    return jdbc.sql("select id from claimdesk.notification_outbox"
            + " where status = 'PENDING' and next_attempt_at <= :now"
            + " order by next_attempt_at, id fetch first :limit rows only")
        .param("now", DbTimes.toDb(now))
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /**
   * Locks the email for the current transaction if it is still PENDING and due, and no other
   * transaction holds it; empty otherwise (sent, given up, not due, or being sent elsewhere).
   */
  Optional<OutboxEntry> claim(String id, Instant now) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.notification_outbox"
            + " where id = :id and status = 'PENDING' and next_attempt_at <= :now"
            + " for update skip locked")
        .param("id", id)
        .param("now", DbTimes.toDb(now))
        .query((rs, row) -> map(rs))
        .optional();
  }

  void markSent(String id, int attempts, Instant sentAt) {
    jdbc.sql("update claimdesk.notification_outbox set status = 'SENT', attempts = :attempts,"
            + " sent_at = :sentAt, last_error = null where id = :id")
        .param("id", id)
        .param("attempts", attempts)
        .param("sentAt", DbTimes.toDb(sentAt))
        .update();
  }

  void markRetry(String id, int attempts, Instant nextAttemptAt, String error) {
    jdbc.sql("update claimdesk.notification_outbox set attempts = :attempts,"
            + " next_attempt_at = :nextAttemptAt, last_error = :error where id = :id")
        .param("id", id)
        .param("attempts", attempts)
        .param("nextAttemptAt", DbTimes.toDb(nextAttemptAt))
        .param("error", truncate(error))
        .update();
  }

  void markFailed(String id, int attempts, String error) {
    jdbc.sql("update claimdesk.notification_outbox set status = 'FAILED', attempts = :attempts,"
            + " last_error = :error where id = :id")
        .param("id", id)
        .param("attempts", attempts)
        .param("error", truncate(error))
        .update();
  }

  /** The latest emails, newest first, optionally of one case and/or one status. */
  List<OutboxEntry> latest(String caseReference, OutboxEntry.Status status, int limit) {
    String sql = "select " + COLUMNS + " from claimdesk.notification_outbox where 1 = 1"
        + (caseReference == null ? "" : " and case_reference = :caseReference")
        + (status == null ? "" : " and status = :status")
        + " order by created_at desc, id fetch first :limit rows only";
    JdbcClient.StatementSpec statement = jdbc.sql(sql).param("limit", limit);
    if (caseReference != null) {
      statement = statement.param("caseReference", caseReference);
    }
    if (status != null) {
      statement = statement.param("status", status.name());
    }
    return statement.query((rs, row) -> map(rs)).list();
  }

  private static String truncate(String error) {
    return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
  }

  private static OutboxEntry map(ResultSet rs) throws SQLException {
    return new OutboxEntry(rs.getString("id"), rs.getString("case_reference"),
        OutboxEntry.RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getString("message_kind"),
        rs.getString("language"), rs.getString("recipient"), rs.getString("subject"),
        rs.getString("text_body"), rs.getString("html_body"),
        OutboxEntry.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
        DbTimes.fromDb(rs, "next_attempt_at"), rs.getString("last_error"), DbTimes.fromDb(rs, "created_at"),
        DbTimes.fromDb(rs, "sent_at"), rs.getObject("attachment_document_id", Long.class));
  }
}
