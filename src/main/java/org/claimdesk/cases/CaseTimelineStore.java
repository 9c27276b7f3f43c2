package org.claimdesk.cases;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.claimdesk.jdbc.DbTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table {@code case_timeline}: what the case page shows under "History", every message to the
 * customer and each of their actions, oldest first. Appending never touches the case row.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRED)
public class CaseTimelineStore {

  private static final Logger log = LoggerFactory.getLogger(CaseTimelineStore.class);
  static final int MAX_MESSAGE = 10_000;

  private final JdbcClient jdbc;
  private final Clock clock;

  CaseTimelineStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Adds an entry now; a message longer than {@value #MAX_MESSAGE} characters is cut with an ellipsis. */
  public void append(String reference, String kind, String message) {
    Objects.requireNonNull(kind, "kind");
    String text = message == null ? "" : message;
    if (text.length() > MAX_MESSAGE) {
      log.warn("Timeline message of kind {} on case {} cut to {} characters", kind, reference, MAX_MESSAGE);
      text = text.substring(0, MAX_MESSAGE - 1) + "\u2026";
    }
    jdbc.sql("""
            insert into claimdesk.case_timeline (case_reference, occurred_at, kind, message)
            values (:reference, :at, :kind, :message)""")
        .param("reference", reference)
        .param("at", DbTimes.toDb(clock.instant()))
        .param("kind", kind)
        .param("message", text)
        .update();
  }

  /** The timeline, oldest first. */
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesOf(String reference) {
    return jdbc.sql("""
            select occurred_at, kind, message from claimdesk.case_timeline
            where case_reference = :reference order by id""")
        .param("reference", reference)
        .query((rs, row) -> new TimelineEntry(DbTimes.fromDb(rs, "occurred_at"), rs.getString("kind"),
            rs.getString("message")))
        .list();
  }
}
