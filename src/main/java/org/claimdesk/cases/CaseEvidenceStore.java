package org.claimdesk.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table {@code case_evidence}: the files a customer attached to a case (RF-1), with their
 * SHA-256. Which files are accepted, and how many, is decided by {@link CustomerCases} before a
 * file reaches this store.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRED)
public class CaseEvidenceStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  CaseEvidenceStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A stored evidence file with its content. */
  public record EvidenceContent(EvidenceItem item, byte[] content) {
  }

  /** Stores a file the customer sent; {@code contentType} is what its bytes are, {@code fileName} sanitised. */
  public EvidenceItem store(String reference, String fileName, String contentType, byte[] content) {
    Instant now = DbTimes.truncate(clock.instant());
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into claimdesk.case_evidence (case_reference, file_name, content_type, size_bytes,
                sha256, content, received_at)
            values (:reference, :fileName, :contentType, :size, :sha256, :content, :receivedAt)""")
        .param("reference", reference)
        .param("fileName", fileName)
        .param("contentType", contentType)
        .param("size", (long) content.length)
        .param("sha256", CaseTokens.sha256Hex(content))
        .param("content", content, Types.BINARY)
        .param("receivedAt", DbTimes.toDb(now))
        .update(keys, "id");
    Number id = keys.getKeyAs(Number.class);
    return new EvidenceItem(String.valueOf(id.longValue()), fileName, contentType, content.length, now);
  }

  /** How many files the case holds. */
  public int countOf(String reference) {
    return jdbc.sql("select count(*) from claimdesk.case_evidence where case_reference = :reference")
        .param("reference", reference)
        .query(Integer.class)
        .single();
  }

  /** The files of the case without their content, oldest first. */
  @Transactional(readOnly = true)
  public List<EvidenceItem> itemsOf(String reference) {
    return jdbc.sql("""
            select id, file_name, content_type, size_bytes, received_at from claimdesk.case_evidence
            where case_reference = :reference order by id""")
        .param("reference", reference)
        .query((rs, row) -> item(rs))
        .list();
  }

  /** One evidence file of the case, with its content. */
  @Transactional(readOnly = true)
  public Optional<EvidenceContent> contentOf(String reference, long evidenceId) {
    return jdbc.sql("""
            select id, file_name, content_type, size_bytes, received_at, content
            from claimdesk.case_evidence where case_reference = :reference and id = :id""")
        .param("reference", reference)
        .param("id", evidenceId)
        .query((rs, row) -> new EvidenceContent(item(rs), rs.getBytes("content")))
        .optional();
  }

  private static EvidenceItem item(ResultSet rs) throws SQLException {
    return new EvidenceItem(String.valueOf(rs.getLong("id")), rs.getString("file_name"),
        rs.getString("content_type"), rs.getLong("size_bytes"), DbTimes.fromDb(rs, "received_at"));
  }
}
