package org.claimdesk.cases;

import java.time.Instant;

import org.claimdesk.jdbc.DbTimes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table {@code case_sla_breach}: first replies that were not sent in time (SL-1), for the
 * managers' figures; each new breach is published as {@link CaseEvent.SlaBreached}.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRED)
public class CaseSlaBreachStore {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  CaseSlaBreachStore(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Records the breach once per task and due date: a repeated call (a retried job) adds nothing. */
  public void record(String reference, String taskDefinitionKey, Instant dueAt, Instant breachedAt) {
    int recorded = jdbc.sql("""
            insert into claimdesk.case_sla_breach (case_reference, task_key, due_at, breached_at)
            select :reference, :taskKey, :dueAt, :breachedAt from claimdesk.claim_case c
            where c.reference = :reference
              and not exists (select 1 from claimdesk.case_sla_breach b
                              where b.case_reference = :reference and b.task_key = :taskKey and b.due_at = :dueAt)""")
        .param("reference", reference)
        .param("taskKey", taskDefinitionKey)
        .param("dueAt", DbTimes.toDb(dueAt))
        .param("breachedAt", DbTimes.toDb(breachedAt))
        .update();
    if (recorded == 1) {
      jdbc.sql("select type from claimdesk.claim_case where reference = :reference")
          .param("reference", reference)
          .query(String.class)
          .optional()
          .ifPresent(type -> events.publishEvent(new CaseEvent.SlaBreached(reference, CaseType.valueOf(type))));
    }
  }
}
