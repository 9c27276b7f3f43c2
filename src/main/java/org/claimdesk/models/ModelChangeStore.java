package org.claimdesk.models;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The analysts' model changes and their files ({@code claimdesk.model_change}, V14). */
@Repository
class ModelChangeStore {

  enum Status { REFUSED, READY, AWAITING_APPROVAL, APPROVED, REJECTED, DEPLOYED }

  record Row(long id, Status status, String proposedBy, Instant proposedAt, String filesSha256,
      boolean changesOutcomes, String report, String decidedBy, Instant decidedAt, String decisionNote,
      String deploymentId, String deployedBy, Instant deployedAt) {
  }

  private static final String COLUMNS = """
      id, status, proposed_by, proposed_at, files_sha256, changes_outcomes, report, decided_by, decided_at,
      decision_note, deployment_id, deployed_by, deployed_at""";

  private final JdbcClient jdbc;

  ModelChangeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The SHA-256 of the files' names and contents in name order: what an approval is of. */
  static String digest(Map<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
        sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(MessageDigest.getInstance("SHA-256").digest(file.getValue()));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  long insert(Status status, String proposedBy, Instant at, Map<String, byte[]> files, boolean changesOutcomes,
      String report) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into claimdesk.model_change (status, proposed_by, proposed_at, files_sha256, changes_outcomes, report)
            values (:status, :by, :at, :sha, :changes, :report)""")
        .param("status", status.name())
        .param("by", proposedBy)
        .param("at", DbTimes.toDb(at))
        .param("sha", digest(files))
        .param("changes", changesOutcomes)
        .param("report", report)
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    new TreeMap<>(files).forEach((name, content) -> jdbc.sql("""
            insert into claimdesk.model_change_file (change_id, name, content) values (:id, :name, :content)""")
        .param("id", id).param("name", name).param("content", new String(content, StandardCharsets.UTF_8))
        .update());
    return id;
  }

  Optional<Row> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.model_change where id = :id").param("id", id)
        .query(this::row).optional();
  }

  /** The change, its row locked until the transaction ends: one deployment per change, whatever runs twice. */
  Optional<Row> lock(long id) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.model_change where id = :id for update").param("id", id)
        .query(this::row).optional();
  }

  List<Row> latest(int limit) {
    return jdbc.sql("select " + COLUMNS + " from claimdesk.model_change order by id desc fetch first :n rows only")
        .param("n", limit).query(this::row).list();
  }

  Map<String, byte[]> files(long id) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    jdbc.sql("select name, content from claimdesk.model_change_file where change_id = :id order by name")
        .param("id", id)
        .query((rs, n) -> files.put(rs.getString("name"), rs.getString("content").getBytes(StandardCharsets.UTF_8)))
        .list();
    return files;
  }

  /** The names of a change's files, without reading their contents. */
  List<String> fileNames(long id) {
    return jdbc.sql("select name from claimdesk.model_change_file where change_id = :id order by name")
        .param("id", id).query(String.class).list();
  }

  /** The change by {@code proposedBy} of exactly these files that waits for a manager, if any. */
  Optional<Long> awaitingApproval(String digest, String proposedBy) {
    return jdbc.sql("""
            select id from claimdesk.model_change
            where files_sha256 = :sha and proposed_by = :by and status = 'AWAITING_APPROVAL'
            order by id limit 1""")
        .param("sha", digest).param("by", proposedBy).query(Long.class).optional();
  }

  /** Whether these files are a change that may deploy without another review of outcomes. */
  boolean isCleared(String digest) {
    return jdbc.sql("""
            select count(*) from claimdesk.model_change where files_sha256 = :sha and status in ('READY', 'APPROVED')""")
        .param("sha", digest).query(Long.class).single() > 0;
  }

  /** A manager's decision on a change that waits for one; false when it does not wait (any more). */
  boolean decide(long id, boolean approved, String by, Instant at, String note) {
    return jdbc.sql("""
            update claimdesk.model_change set status = :status, decided_by = :by, decided_at = :at, decision_note = :note
            where id = :id and status = 'AWAITING_APPROVAL'""")
        .param("status", approved ? Status.APPROVED.name() : Status.REJECTED.name())
        .param("by", by).param("at", DbTimes.toDb(at)).param("note", note).param("id", id)
        .update() == 1;
  }

  void deployed(long id, String deploymentId, String by, Instant at) {
    jdbc.sql("""
            update claimdesk.model_change set status = 'DEPLOYED', deployment_id = :deployment, deployed_by = :by,
              deployed_at = :at where id = :id""")
        .param("deployment", deploymentId).param("by", by).param("at", DbTimes.toDb(at)).param("id", id).update();
  }

  private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(rs.getLong("id"), Status.valueOf(rs.getString("status")), rs.getString("proposed_by"),
        DbTimes.fromDb(rs, "proposed_at"), rs.getString("files_sha256"), rs.getBoolean("changes_outcomes"),
        rs.getString("report"), rs.getString("decided_by"), DbTimes.fromDb(rs, "decided_at"),
        rs.getString("decision_note"), rs.getString("deployment_id"), rs.getString("deployed_by"),
        DbTimes.fromDb(rs, "deployed_at"));
  }
}
