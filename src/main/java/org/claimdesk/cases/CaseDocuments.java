package org.claimdesk.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.claimdesk.jdbc.DbTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The documents Claimdesk writes for a case and gives its customer (table
 * {@code claimdesk.case_document}, V6): first the resolution document of a payment discrepancy
 * (PD-6). A process step stores one under a key of its own; the customer downloads it with the
 * case's access token, staff with their login, and an email may carry it as an attachment.
 *
 * <p>Every method joins the caller's transaction (the engine's inside a delegate) and opens one
 * only when there is none. Storing is idempotent on (case, key): a step that runs again (a
 * retried engine job, a second node) generates its PDF again, with other bytes (a PDF carries its
 * creation time), and finds the first one stored; so the customer sees one document, and an email
 * that names it names the one the case shows.
 */
@Service
@Transactional(propagation = Propagation.REQUIRED)
public class CaseDocuments {

  /** The resolution of a payment discrepancy: the investigation and its outcome (PD-6). */
  public static final String RESOLUTION = "RESOLUTION";

  /** The kinds the schema accepts (V6, {@code case_document_kind_ck}). */
  static final Set<String> KINDS = Set.of(RESOLUTION);
  /** The content types the schema accepts (V6, {@code case_document_content_type_ck}). */
  static final Set<String> CONTENT_TYPES = Set.of(EvidenceTypes.PDF);
  private static final Pattern DOCUMENT_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,40}");
  private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

  private static final Logger log = LoggerFactory.getLogger(CaseDocuments.class);

  private static final String COLUMNS = "id, kind, file_name, content_type, language, size_bytes, created_at";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate savepoint;

  CaseDocuments(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** A stored document with its content. */
  public record DocumentContent(CaseDocument document, byte[] content) {
  }

  /**
   * Stores a document on the case under {@code documentKey}, or returns the one stored under that
   * key before, unchanged (its bytes, name and time stay the first ones). The document is in the
   * case's language; {@code fileName} is sanitised like an evidence file name.
   *
   * @param documentKey the caller's name for the document, unique per case: letters, digits and
   *     {@code . _ : -}, at most 40 characters (e.g. {@code resolution}, {@code resolution-2})
   * @param kind {@link #RESOLUTION}
   * @param contentType {@code application/pdf}, and the bytes must be one
   * @throws IllegalArgumentException for an unknown kind or content type, bytes that are not of
   *     that type, a malformed key or no file name; nothing is stored then
   * @throws IllegalStateException when there is no such case
   */
  public CaseDocument store(String reference, String documentKey, String kind, String fileName,
      String contentType, byte[] content) {
    Objects.requireNonNull(reference, "reference");
    requireValid(documentKey, kind, fileName, contentType, content);
    Optional<CaseDocument> stored = findByKey(reference, documentKey);
    if (stored.isPresent()) {
      log.info("Document {} of case {} is stored already; keeping the first one", documentKey, reference);
      return stored.get();
    }
    String language = jdbc.sql("select language from claimdesk.claim_case where reference = :reference")
        .param("reference", reference)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new IllegalStateException("No case " + reference));
    String name = EvidenceTypes.sanitizeFileName(fileName, contentType);
    Instant now = DbTimes.truncate(clock.instant());
    KeyHolder keys = new GeneratedKeyHolder();
    try {
      // In a savepoint: on PostgreSQL a refused insert would otherwise abort the caller's transaction.
      savepoint.executeWithoutResult(status -> jdbc.sql("""
              insert into claimdesk.case_document (case_reference, document_key, kind, file_name, content_type,
                  language, size_bytes, sha256, content, created_at)
              values (:reference, :documentKey, :kind, :fileName, :contentType, :language, :size, :sha256,
                  :content, :createdAt)""")
          .param("reference", reference)
          .param("documentKey", documentKey)
          .param("kind", kind)
          .param("fileName", name)
          .param("contentType", contentType)
          .param("language", language)
          .param("size", (long) content.length)
          .param("sha256", CaseTokens.sha256Hex(content))
          .param("content", content, Types.BINARY)
          .param("createdAt", DbTimes.toDb(now))
          .update(keys, "id"));
    } catch (DuplicateKeyException concurrent) {
      // Another transaction (a second node running the same job) stored the key and committed first.
      log.info("Document {} of case {} was stored concurrently; keeping that one", documentKey, reference);
      return findByKey(reference, documentKey).orElseThrow(() -> concurrent);
    }
    String id = String.valueOf(keys.getKeyAs(Number.class).longValue());
    log.info("Stored document {} ({}, {} bytes) of case {} as {}", documentKey, kind, content.length, reference, id);
    return new CaseDocument(id, kind, name, contentType, language, content.length, now);
  }

  /** The case's documents, oldest first; none for an unknown case. */
  @Transactional(readOnly = true)
  public List<CaseDocument> documentsOf(String reference) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.case_document where case_reference = :reference"
            + " order by id")
        .param("reference", reference)
        .query((rs, row) -> map(rs))
        .list();
  }

  /** One document of the case, with its content; empty when the case has no document with that id. */
  @Transactional(readOnly = true)
  public Optional<DocumentContent> content(String reference, long id) {
    return jdbc.sql("select " + COLUMNS + ", content from claimdesk.case_document"
            + " where case_reference = :reference and id = :id")
        .param("reference", reference)
        .param("id", id)
        .query((rs, row) -> new DocumentContent(map(rs), rs.getBytes("content")))
        .optional();
  }

  /**
   * One document of the case by its id as text (a path segment, an outbox attachment); empty for
   * an id that is not a number, as for one of another case.
   */
  @Transactional(readOnly = true)
  public Optional<DocumentContent> content(String reference, String id) {
    return id == null || !ID.matcher(id).matches() ? Optional.empty() : content(reference, Long.parseLong(id));
  }

  private Optional<CaseDocument> findByKey(String reference, String documentKey) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.case_document"
            + " where case_reference = :reference and document_key = :documentKey")
        .param("reference", reference)
        .param("documentKey", documentKey)
        .query((rs, row) -> map(rs))
        .optional();
  }

  private static void requireValid(String documentKey, String kind, String fileName, String contentType,
      byte[] content) {
    if (documentKey == null || !DOCUMENT_KEY.matcher(documentKey).matches()) {
      throw new IllegalArgumentException("A document key is 1-40 letters, digits and . _ : -, not " + documentKey);
    }
    if (fileName == null || fileName.isBlank()) {
      throw new IllegalArgumentException("A case document needs a file name");
    }
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("Unknown document kind " + kind + "; known kinds: " + KINDS);
    }
    if (!CONTENT_TYPES.contains(contentType)) {
      throw new IllegalArgumentException("A case document is one of " + CONTENT_TYPES + ", not " + contentType);
    }
    if (content == null || content.length == 0) {
      throw new IllegalArgumentException("A case document cannot be empty");
    }
    if (!EvidenceTypes.sniff(content).filter(contentType::equals).isPresent()) {
      throw new IllegalArgumentException("The document's bytes are not " + contentType);
    }
  }

  private static CaseDocument map(ResultSet rs) throws SQLException {
    return new CaseDocument(String.valueOf(rs.getLong("id")), rs.getString("kind"), rs.getString("file_name"),
        rs.getString("content_type"), rs.getString("language"), rs.getLong("size_bytes"),
        DbTimes.fromDb(rs, "created_at"));
  }
}
