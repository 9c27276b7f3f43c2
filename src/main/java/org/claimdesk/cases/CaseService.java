package org.claimdesk.cases;

import java.time.Instant;
import java.util.Optional;

/**
 * The processes' view of the case record: they keep it current as they move. Each call runs
 * in the caller's transaction (the engine's, inside a delegate), so the record and the process
 * state commit together.
 */
public interface CaseService {

  Optional<CaseRecord> find(String reference);

  /** The case; throws {@link IllegalStateException} when there is none (a process bug). */
  default CaseRecord get(String reference) {
    return find(reference).orElseThrow(() -> new IllegalStateException("No case " + reference));
  }

  /**
   * One business event on the case: everything it changes (status, reply date, decision, offer)
   * written in one UPDATE of the case row. A step calls this once.
   */
  void change(String reference, CaseChange change);

  default void updateStatus(String reference, CaseStatus status) {
    change(reference, CaseChange.to(status));
  }

  /**
   * Records a decision: final (RESOLVED, REJECTED, CLOSED) or not; {@code ruleId} may be null. A
   * final one also clears the reply date.
   */
  default void recordOutcome(String reference, CaseStatus status, CaseOutcome outcome, String ruleId) {
    change(reference, CaseChange.decided(status, outcome, ruleId));
  }

  /**
   * Records the money the case decided to move under {@code decision} ({@code refund},
   * {@code round-2}), replacing an earlier decision under that key; null withdraws it. The
   * payout step reads it back with {@link #decidedPayout}.
   */
  void decidePayout(String reference, String decision, PayoutDecision payout);

  /** What the case decided to move under {@code decision}, if anything. */
  java.util.Optional<PayoutDecision> decidedPayout(String reference, String decision);

  /** A first reply that was not sent in time (SL-1), for the managers' figures. */
  void recordSlaBreach(String reference, String taskDefinitionKey, Instant dueAt, Instant breachedAt);

  /**
   * Adds an entry to the case's timeline: every message to the customer, and their actions. The
   * case row is not written (its {@code updated_at} is when the row itself last changed).
   */
  void appendTimeline(String reference, String kind, String message);

  /** Whom to write to about the case, and in which language. */
  CustomerContact contactOf(String reference);

  /** The files the customer attached to the case (RF-1), oldest first. */
  java.util.List<EvidenceItem> evidenceOf(String reference);

  /** The customer's emails on the case ({@code CUSTOMER_EMAIL} timeline entries), oldest first. */
  java.util.List<TimelineEntry> customerEmailsOf(String reference);
}
