package org.claimdesk.cases;

import java.time.Duration;

/**
 * What happened to a case, published by {@link JdbcCaseService} as a Spring application event in
 * the transaction that wrote it. Listeners that count (the metrics) use
 * {@code @TransactionalEventListener}, so a rolled-back step counts nothing and a retried one
 * counts once. Each event is published once per change: a repeated call that changes nothing
 * publishes nothing.
 */
public sealed interface CaseEvent {

  String reference();

  CaseType type();

  /** A case was opened. */
  record Opened(String reference, CaseType type) implements CaseEvent {
  }

  /** The case's status became final (RESOLVED, REJECTED, CLOSED); {@code outcome} may be null. */
  record Closed(String reference, CaseType type, CaseStatus status, CaseOutcome outcome) implements CaseEvent {
  }

  /** Staff sent the case's first reply (SL-1), {@code waited} after the case was opened. */
  record FirstReplied(String reference, CaseType type, Duration waited) implements CaseEvent {
  }

  /** A first reply was late (SL-1, 48 h). */
  record SlaBreached(String reference, CaseType type) implements CaseEvent {
  }
}
