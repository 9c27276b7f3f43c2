package org.claimdesk.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.claimdesk.jdbc.DbTimes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code claimdesk.inbound_mail}: every mail of the support mailbox, kept as it arrived. Its
 * Message-ID is unique, so a mail fetched twice (after a crash before it was flagged, or by two
 * nodes at once) is one row; a row is handled under {@code FOR UPDATE SKIP LOCKED}, so by one
 * node at a time.
 */
@Repository
public class InboundMailStore {

  /** A row as listed for operators: everything but the raw bytes. */
  public record Row(long id, String messageKey, Instant receivedAt, String fromAddress, String subject,
      InboundMailStatus status, String caseReference, String note, int attempts, Instant processedAt) {
  }

  private static final String COLUMNS =
      "id, message_key, received_at, from_address, subject, status, case_reference, note, attempts, processed_at";
  static final int MAX_NOTE = 2000;

  private final JdbcClient jdbc;
  private final Clock clock;

  InboundMailStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Keeps a fetched mail unless one with the same key is kept already; run outside any
   * transaction, so a duplicate key only means "seen before".
   *
   * @return whether it is new
   */
  boolean keep(String messageKey, String fromAddress, String subject, byte[] raw, InboundMailStatus status,
      String note) {
    try {
      jdbc.sql("""
              insert into claimdesk.inbound_mail (message_key, received_at, from_address, subject, raw, status, note)
              values (:key, :now, :from, :subject, :raw, :status, :note)""")
          .param("key", messageKey)
          .param("now", DbTimes.toDb(clock.instant()))
          .param("from", cut(fromAddress, 320))
          .param("subject", cut(subject, 998))
          .param("raw", raw)
          .param("status", status.name())
          .param("note", cut(note, MAX_NOTE))
          .update();
      return true;
    } catch (DuplicateKeyException seenBefore) {
      return false;
    }
  }

  /** Mails waiting to be handled, oldest first; not locked (see {@link #lock}). */
  List<Long> waiting(int maxAttempts, int limit) {
    return jdbc.sql("select id from claimdesk.inbound_mail where status = 'RECEIVED' and attempts < :max"
            + " order by id fetch first :limit rows only")
        .param("max", maxAttempts)
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  /** The raw mail, locked for this transaction, if it still waits and no other node holds it. */
  Optional<byte[]> lock(long id) {
    return raw(id, " and status = 'RECEIVED' for update skip locked");
  }

  /** The raw mail, unlocked (a triage task's filing reads its sender and files from it). */
  Optional<byte[]> raw(long id) {
    return raw(id, "");
  }

  private Optional<byte[]> raw(long id, String condition) {
    return jdbc.sql("select raw from claimdesk.inbound_mail where id = :id" + condition)
        .param("id", id)
        .query((rs, row) -> rs.getBytes(1))
        .optional();
  }

  void mark(long id, InboundMailStatus status, String caseReference, String note) {
    jdbc.sql("""
            update claimdesk.inbound_mail set status = :status, case_reference = :reference, note = :note,
                processed_at = :now, attempts = attempts + 1
            where id = :id""")
        .param("id", id)
        .param("status", status.name())
        .param("reference", caseReference)
        .param("note", cut(note, MAX_NOTE))
        .param("now", DbTimes.toDb(clock.instant()))
        .update();
  }

  /** A mail waiting in triage settled by the agent's choice; refuses a mail not in triage (settled twice). */
  void settleTriage(long id, InboundMailStatus status, String caseReference, String note) {
    int updated = jdbc.sql("""
            update claimdesk.inbound_mail set status = :status, case_reference = :reference, note = :note,
                processed_at = :now
            where id = :id and status = 'TRIAGE'""")
        .param("id", id)
        .param("status", status.name())
        .param("reference", caseReference)
        .param("note", cut(note, MAX_NOTE))
        .param("now", DbTimes.toDb(clock.instant()))
        .update();
    if (updated != 1) {
      throw new IllegalStateException("Mail " + id + " is not waiting in triage");
    }
  }

  /** A failed attempt: counted, with its error; FAILED once {@code maxAttempts} is reached. */
  void failed(long id, String error, int maxAttempts) {
    jdbc.sql("""
            update claimdesk.inbound_mail set attempts = attempts + 1, note = :note,
                status = case when attempts + 1 >= :max then 'FAILED' else status end
            where id = :id and status = 'RECEIVED'""")
        .param("id", id)
        .param("note", cut(error, MAX_NOTE))
        .param("max", maxAttempts)
        .update();
  }

  /** A FAILED mail handled again at the next run: attempts start over. */
  boolean retry(long id) {
    return jdbc.sql("update claimdesk.inbound_mail set status = 'RECEIVED', attempts = 0 where id = :id"
            + " and status = 'FAILED'")
        .param("id", id)
        .update() == 1;
  }

  Optional<Row> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.inbound_mail where id = :id")
        .param("id", id)
        .query((rs, row) -> map(rs))
        .optional();
  }

  /** The newest mails first, of one status or of all. */
  List<Row> list(InboundMailStatus status, int limit) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.inbound_mail"
            + (status == null ? "" : " where status = :status")
            + " order by id desc fetch first :limit rows only")
        .param("status", status == null ? null : status.name())
        .param("limit", limit)
        .query((rs, row) -> map(rs))
        .list();
  }

  long count(InboundMailStatus status) {
    return jdbc.sql("select count(*) from claimdesk.inbound_mail where status = :status")
        .param("status", status.name())
        .query(Long.class)
        .single();
  }

  private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(rs.getLong("id"), rs.getString("message_key"), DbTimes.fromDb(rs, "received_at"),
        rs.getString("from_address"), rs.getString("subject"), InboundMailStatus.valueOf(rs.getString("status")),
        rs.getString("case_reference"), rs.getString("note"), rs.getInt("attempts"),
        DbTimes.fromDb(rs, "processed_at"));
  }

  static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
