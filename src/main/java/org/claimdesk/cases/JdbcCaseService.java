package org.claimdesk.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.claimdesk.commerce.Money;
import org.claimdesk.jdbc.DbTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case row, {@code claim_case}: open a case, find it, change it (one UPDATE per business
 * event), feedback and first reply; and the processes' {@link CaseService}, which hands what
 * belongs to another table to that table's store ({@link CaseTimelineStore},
 * {@link CaseEvidenceStore}, {@link CasePayoutStore}, {@link CaseSlaBreachStore}; access tokens
 * are checked by {@link CaseAccessStore}). Every method joins the caller's transaction (the
 * engine's inside a delegate, the API service's otherwise) and opens one only when there is none.
 */
@Service
@Transactional(propagation = Propagation.REQUIRED)
public class JdbcCaseService implements CaseService {

  /** The timeline kind of a customer's email on the case (the support mailbox). */
  public static final String CUSTOMER_EMAIL = "CUSTOMER_EMAIL";

  private static final Logger log = LoggerFactory.getLogger(JdbcCaseService.class);
  private static final int REFERENCE_ATTEMPTS = 5;

  private static final String CASE_COLUMNS = """
      reference, type, status, outcome, rule_id, policy_profile, policy_version, customer_id,
      subject_id, language, opened_at, reply_due_by, offer_type, offer_amount, offer_currency,
      offer_description""";

  private final JdbcClient jdbc;
  private final CaseTokens tokens;
  private final CaseTimelineStore timeline;
  private final CaseEvidenceStore evidence;
  private final CasePayoutStore payouts;
  private final CaseSlaBreachStore slaBreaches;
  private final PolicyProperties policy;
  private final Clock clock;
  private final TransactionTemplate savepoint;
  private final ApplicationEventPublisher events;

  JdbcCaseService(JdbcClient jdbc, CaseTokens tokens, CaseTimelineStore timeline, CaseEvidenceStore evidence,
      CasePayoutStore payouts, CaseSlaBreachStore slaBreaches, PolicyProperties policy, Clock clock,
      PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
    this.tokens = tokens;
    this.timeline = timeline;
    this.evidence = evidence;
    this.payouts = payouts;
    this.slaBreaches = slaBreaches;
    this.policy = policy;
    this.clock = clock;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** What a new case is about; the claim's description becomes its first timeline entry. */
  public record NewCase(CaseType type, String customerId, String subjectId, Locale language, String description) {

    public NewCase {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(customerId, "customerId");
      Objects.requireNonNull(subjectId, "subjectId");
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(description, "description");
    }
  }

  /** A case just opened: the access token the customer is given once, and the policy profile it was opened under. */
  public record OpenedCase(String reference, String accessToken, String policyProfile) {

    @Override
    public String toString() {
      return "OpenedCase[reference=" + reference + ", accessToken=(hidden), policyProfile=" + policyProfile + "]";
    }
  }

  // ---------------------------------------------------------------- the customer API's needs

  /**
   * Opens a case in status RECEIVED under the configured policy profile and version, with a
   * {@code CLAIM_FILED} timeline entry holding the customer's description. A new random
   * reference is drawn again if one is taken.
   */
  public OpenedCase open(NewCase newCase) {
    Instant now = clock.instant();
    String salt = tokens.newSalt();
    for (int attempt = 1; ; attempt++) {
      String reference = CaseReferences.next();
      String token = tokens.tokenFor(reference, salt);
      try {
        savepoint.executeWithoutResult(status -> insertCase(reference, tokens.hashOf(token), salt, newCase, now));
      } catch (DuplicateKeyException taken) {
        if (attempt == REFERENCE_ATTEMPTS) {
          throw new IllegalStateException("No free case reference after " + attempt + " attempts", taken);
        }
        log.warn("Case reference {} is taken; drawing another", reference);
        continue;
      }
      appendTimeline(reference, "CLAIM_FILED", newCase.description());
      events.publishEvent(new CaseEvent.Opened(reference, newCase.type()));
      return new OpenedCase(reference, token, policy.profile());
    }
  }

  private void insertCase(String reference, String tokenHash, String salt, NewCase newCase, Instant now) {
    jdbc.sql("""
            insert into claimdesk.claim_case (reference, type, access_token_hash, token_salt, status,
                policy_profile, policy_version, customer_id, subject_id, language, description,
                opened_at, updated_at)
            values (:reference, :type, :tokenHash, :salt, :status, :policyProfile, :policyVersion,
                :customerId, :subjectId, :language, :description, :now, :now)""")
        .param("reference", reference)
        .param("type", newCase.type().name())
        .param("tokenHash", tokenHash)
        .param("salt", salt)
        .param("status", CaseStatus.RECEIVED.name())
        .param("policyProfile", policy.profile())
        .param("policyVersion", policy.version())
        .param("customerId", newCase.customerId())
        .param("subjectId", newCase.subjectId())
        .param("language", newCase.language().getLanguage())
        .param("description", newCase.description())
        .param("now", DbTimes.toDb(now))
        .update();
  }

  /** The process instance that runs the case. */
  public void setProcessInstanceId(String reference, String processInstanceId) {
    requireOne(jdbc.sql("""
            update claimdesk.claim_case set process_instance_id = :processInstanceId, updated_at = :now
            where reference = :reference""")
        .param("processInstanceId", processInstanceId)
        .param("now", DbTimes.toDb(clock.instant()))
        .param("reference", reference)
        .update(), reference);
  }

  /** The most recent case of that type on that subject that is not final (RESOLVED, REJECTED, CLOSED). */
  public Optional<CaseRecord> findOpen(CaseType type, String subjectId) {
    return jdbc.sql("select " + CASE_COLUMNS + """
             from claimdesk.claim_case
            where subject_id = :subjectId and type = :type
              and status not in ('RESOLVED', 'REJECTED', 'CLOSED')
            order by opened_at desc, reference
            fetch first 1 rows only""")
        .param("subjectId", subjectId)
        .param("type", type.name())
        .query((rs, row) -> map(rs))
        .optional();
  }

  /** Every case of that type on that subject, most recent first. */
  public List<CaseRecord> casesOn(CaseType type, String subjectId) {
    return jdbc.sql("select " + CASE_COLUMNS + """
             from claimdesk.claim_case
            where subject_id = :subjectId and type = :type
            order by opened_at desc, reference""")
        .param("subjectId", subjectId)
        .param("type", type.name())
        .query((rs, row) -> map(rs))
        .list();
  }

  /** The customer's satisfaction feedback (RF-8); a later one replaces an earlier one. */
  public void recordFeedback(String reference, boolean satisfied, String comment) {
    Instant now = clock.instant();
    requireOne(jdbc.sql("""
            update claimdesk.claim_case
            set feedback_satisfied = :satisfied, feedback_comment = :comment, feedback_at = :now,
                updated_at = :now
            where reference = :reference""")
        .param("satisfied", satisfied)
        .param("comment", comment)
        .param("now", DbTimes.toDb(now))
        .param("reference", reference)
        .update(), reference);
  }

  // ---------------------------------------------------------------- CaseService

  @Override
  @Transactional(readOnly = true)
  public Optional<CaseRecord> find(String reference) {
    return jdbc.sql("select " + CASE_COLUMNS + " from claimdesk.claim_case where reference = :reference")
        .param("reference", reference)
        .query((rs, row) -> map(rs))
        .optional();
  }

  /**
   * One UPDATE of the case row for the whole change. A final status stamps {@code closed_at} the
   * first time (read under the row's lock, so two closings stamp and announce it once) and
   * publishes {@link CaseEvent.Closed}; another status clears it (a reopened discrepancy).
   */
  @Override
  public void change(String reference, CaseChange change) {
    Objects.requireNonNull(change, "change");
    if (change.isEmpty()) {
      return;
    }
    CaseStatus status = change.status();
    Closing closing = status != null && status.isFinal() ? closingOf(reference) : null;
    List<String> assignments = new ArrayList<>(List.of("updated_at = :now"));
    MapSqlParameterSource values = new MapSqlParameterSource()
        .addValue("now", DbTimes.toDb(clock.instant()))
        .addValue("reference", reference);
    if (status != null) {
      assignments.add("status = :status");
      assignments.add(status.isFinal() ? "closed_at = coalesce(closed_at, :now)" : "closed_at = null");
      values.addValue("status", status.name());
    }
    if (change.replyDueBy() != null) {
      assignments.add("reply_due_by = :replyDueBy");
      values.addValue("replyDueBy", DbTimes.toDb(change.replyDueBy().value()), Types.TIMESTAMP_WITH_TIMEZONE);
    }
    if (change.decision() != null) {
      CaseChange.Decision decision = change.decision().value();
      CaseOutcome outcome = decision == null ? null : decision.outcome();
      assignments.add("outcome = :outcome");
      assignments.add("rule_id = :ruleId");
      values.addValue("outcome", outcome == null ? null : outcome.name(), Types.VARCHAR)
          .addValue("ruleId", decision == null ? null : decision.ruleId(), Types.VARCHAR);
    }
    if (change.offer() != null) {
      CaseOffer offer = change.offer().value();
      Money amount = offer == null ? null : offer.amount();
      assignments.add("offer_type = :offerType");
      assignments.add("offer_amount = :offerAmount");
      assignments.add("offer_currency = :offerCurrency");
      assignments.add("offer_description = :offerDescription");
      values.addValue("offerType", offer == null ? null : offer.type().name(), Types.VARCHAR)
          .addValue("offerAmount", amount == null ? null : amount.amount(), Types.BIGINT)
          .addValue("offerCurrency", amount == null ? null : amount.currencyCode(), Types.CHAR)
          .addValue("offerDescription", offer == null ? null : offerDescription(offer), Types.VARCHAR);
    }
    requireOne(jdbc.sql("update claimdesk.claim_case set " + String.join(", ", assignments)
        + " where reference = :reference").paramSource(values).update(), reference);
    if (closing != null && closing.closedAt() == null) {
      CaseOutcome outcome = change.decision() != null && change.decision().value() != null
          ? change.decision().value().outcome() : closing.outcome();
      events.publishEvent(new CaseEvent.Closed(reference, closing.type(), status, outcome));
    }
  }

  /** What closing a case needs to know, read with the row locked for the update that follows. */
  private record Closing(CaseType type, CaseOutcome outcome, Instant closedAt) {
  }

  private Closing closingOf(String reference) {
    return jdbc.sql("select type, outcome, closed_at from claimdesk.claim_case where reference = :reference for update")
        .param("reference", reference)
        .query((rs, row) -> new Closing(CaseType.valueOf(rs.getString("type")),
            rs.getString("outcome") == null ? null : CaseOutcome.valueOf(rs.getString("outcome")),
            DbTimes.fromDb(rs, "closed_at")))
        .optional()
        .orElseThrow(() -> new IllegalStateException("No case " + reference));
  }

  /**
   * Stamps the case's first reply from staff (SL-1: its review task was completed), once: a later
   * review (a reopened case) keeps the first stamp. Not part of {@link CaseService}: the dashboard
   * calls it when a review task completes.
   */
  public void recordFirstReply(String reference) {
    Instant now = clock.instant();
    int stamped = jdbc.sql("""
            update claimdesk.claim_case set first_reply_at = :now
            where reference = :reference and first_reply_at is null""")
        .param("now", DbTimes.toDb(now))
        .param("reference", reference)
        .update();
    if (stamped == 1) {
      jdbc.sql("select type, opened_at from claimdesk.claim_case where reference = :reference")
          .param("reference", reference)
          .query((rs, row) -> new CaseEvent.FirstReplied(reference, CaseType.valueOf(rs.getString("type")),
              Duration.between(DbTimes.fromDb(rs, "opened_at"), now)))
          .optional()
          .ifPresent(events::publishEvent);
    }
  }

  private static String offerDescription(CaseOffer offer) {
    return offer.description() == null || offer.description().isBlank() ? offer.type().name() : offer.description();
  }

  @Override
  public void decidePayout(String reference, String decision, PayoutDecision payout) {
    payouts.decide(reference, decision, payout);
  }

  @Override
  public Optional<PayoutDecision> decidedPayout(String reference, String decision) {
    return payouts.decided(reference, decision);
  }

  @Override
  public void recordSlaBreach(String reference, String taskDefinitionKey, Instant dueAt, Instant breachedAt) {
    slaBreaches.record(reference, taskDefinitionKey, dueAt, breachedAt);
  }

  @Override
  public void appendTimeline(String reference, String kind, String message) {
    timeline.append(reference, kind, message);
  }

  @Override
  @Transactional(readOnly = true)
  public CustomerContact contactOf(String reference) {
    return jdbc.sql("""
            select c.name, c.email, k.language from claimdesk.claim_case k
            join claimdesk.customer c on c.id = k.customer_id
            where k.reference = :reference""")
        .param("reference", reference)
        .query((rs, row) -> new CustomerContact(rs.getString("name"), rs.getString("email"),
            Locale.forLanguageTag(rs.getString("language"))))
        .optional()
        .orElseThrow(() -> new IllegalStateException("No case " + reference));
  }

  @Override
  public List<TimelineEntry> customerEmailsOf(String reference) {
    return timeline.entriesOf(reference).stream().filter(entry -> CUSTOMER_EMAIL.equals(entry.kind())).toList();
  }

  @Override
  public List<EvidenceItem> evidenceOf(String reference) {
    return evidence.itemsOf(reference);
  }

  // ---------------------------------------------------------------- helpers

  private static void requireOne(int updated, String reference) {
    if (updated != 1) {
      throw new IllegalStateException("No case " + reference);
    }
  }

  private static CaseRecord map(ResultSet rs) throws SQLException {
    String offerType = rs.getString("offer_type");
    CaseOffer offer = null;
    if (offerType != null) {
      long amount = rs.getLong("offer_amount");
      Money money = rs.wasNull() ? null : Money.of(amount, rs.getString("offer_currency"));
      String description = rs.getString("offer_description");
      // An offer without the agent's words is stored with its type's name (the column is required).
      offer = new CaseOffer(OfferType.valueOf(offerType), money, offerType.equals(description) ? null : description);
    }
    String outcome = rs.getString("outcome");
    return new CaseRecord(
        rs.getString("reference"),
        CaseType.valueOf(rs.getString("type")),
        CaseStatus.valueOf(rs.getString("status")),
        outcome == null ? null : CaseOutcome.valueOf(outcome),
        rs.getString("rule_id"),
        rs.getString("policy_profile"),
        rs.getString("policy_version"),
        rs.getString("customer_id"),
        rs.getString("subject_id"),
        Locale.forLanguageTag(rs.getString("language")),
        DbTimes.fromDb(rs, "opened_at"),
        DbTimes.fromDb(rs, "reply_due_by"),
        offer);
  }
}
