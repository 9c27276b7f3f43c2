package org.claimdesk.dashboard;

import java.util.List;
import java.util.Optional;

import org.claimdesk.cases.CaseReferences;
import org.claimdesk.cases.CaseType;
import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a {@link CaseSheet} from the case record (never from engine history, which cleanup removes). */
@Service
@Transactional(readOnly = true)
public class CaseSheets {

  /** The longest timeline a sheet shows: the latest entries. */
  static final int TIMELINE_LIMIT = 200;

  private final JdbcClient jdbc;
  private final DashboardQueries dashboard;

  CaseSheets(JdbcClient jdbc, DashboardQueries dashboard) {
    this.jdbc = jdbc;
    this.dashboard = dashboard;
  }

  public Optional<CaseSheet> ofProcessInstance(String processInstanceId) {
    return jdbc.sql("select reference from claimdesk.claim_case where process_instance_id = :id")
        .param("id", processInstanceId)
        .query(String.class)
        .optional()
        .flatMap(this::ofReference);
  }

  public Optional<CaseSheet> ofReference(String reference) {
    String canonical = CaseReferences.normalize(reference);
    if (canonical == null) {
      return Optional.empty();
    }
    return jdbc.sql("""
            select k.reference, k.type, k.process_instance_id, k.status, k.outcome, k.rule_id, k.policy_profile,
                   k.policy_version, k.opened_at, k.reply_due_by, k.first_reply_at, k.closed_at, k.offer_type,
                   k.offer_amount, k.offer_currency, k.offer_description, k.language,
                   c.id as customer_id, c.name as customer_name, c.email as customer_email
            from claimdesk.claim_case k join claimdesk.customer c on c.id = k.customer_id
            where k.reference = :reference""")
        .param("reference", canonical)
        .query((rs, row) -> {
          String offerType = rs.getString("offer_type");
          String currency = rs.getString("offer_currency");
          return new CaseSheet(rs.getString("reference"), CaseType.valueOf(rs.getString("type")).processKey(),
              rs.getString("process_instance_id"), rs.getString("status"),
              new CaseSheet.Customer(rs.getString("customer_id"), rs.getString("customer_name"),
                  rs.getString("customer_email"), rs.getString("language")),
              new CaseSheet.Verdict(rs.getString("outcome"), rs.getString("rule_id"), rs.getString("policy_profile"),
                  rs.getString("policy_version")),
              DbTimes.fromDb(rs, "opened_at"), DbTimes.fromDb(rs, "reply_due_by"),
              DbTimes.fromDb(rs, "first_reply_at"), DbTimes.fromDb(rs, "closed_at"),
              offerType == null ? null : new CaseSheet.Offer(offerType,
                  rs.getObject("offer_amount") == null ? null : rs.getLong("offer_amount"),
                  currency == null ? null : currency.trim(), rs.getString("offer_description")),
              List.of(), List.of(), List.of(), false);
        })
        .optional()
        .map(this::withLists);
  }

  private CaseSheet withLists(CaseSheet head) {
    String reference = head.reference();
    List<CaseSheet.Breach> breaches = jdbc.sql("""
            select task_key, due_at, breached_at from claimdesk.case_sla_breach
            where case_reference = :reference order by breached_at""")
        .param("reference", reference)
        .query((rs, row) -> new CaseSheet.Breach(rs.getString("task_key"), DbTimes.fromDb(rs, "due_at"),
            DbTimes.fromDb(rs, "breached_at")))
        .list();
    // The latest entries, shown oldest first.
    List<CaseSheet.Event> latest = new java.util.ArrayList<>(jdbc.sql("""
            select occurred_at, kind, message from claimdesk.case_timeline
            where case_reference = :reference order by id desc fetch first :limit rows only""")
        .param("reference", reference)
        .param("limit", TIMELINE_LIMIT + 1)
        .query((rs, row) -> new CaseSheet.Event(DbTimes.fromDb(rs, "occurred_at"), rs.getString("kind"),
            rs.getString("message")))
        .list());
    boolean truncated = latest.size() > TIMELINE_LIMIT;
    if (truncated) {
      latest.remove(latest.size() - 1);
    }
    java.util.Collections.reverse(latest);
    return new CaseSheet(head.reference(), head.process(), head.processInstanceId(), head.status(), head.customer(),
        head.verdict(), head.openedAt(), head.replyDueBy(), head.firstReplyAt(), head.closedAt(), head.offer(),
        breaches, dashboard.payoutsOf(reference), List.copyOf(latest), truncated);
  }
}
