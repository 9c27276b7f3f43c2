package org.claimdesk.dashboard;

import java.time.Instant;
import java.util.List;

import org.claimdesk.dashboard.DashboardFigures.PayoutLine;

/**
 * A case as a manager reads it in Cockpit's process-instance page, so no one need decode the
 * process variables: the customer, the policy verdict, the timeline and the money moved.
 */
public record CaseSheet(
    String reference,
    String process,
    String processInstanceId,
    String status,
    Customer customer,
    Verdict verdict,
    Instant openedAt,
    Instant replyDueBy,
    Instant firstReplyAt,
    Instant closedAt,
    Offer offer,
    List<Breach> slaBreaches,
    List<PayoutLine> payouts,
    List<Event> timeline,
    boolean timelineTruncated) {

  public record Customer(String id, String name, String email, String language) {
  }

  /** What was decided and under which policy (SL-2: the profile and version the case was judged under). */
  public record Verdict(String outcome, String ruleId, String policyProfile, String policyVersion) {
  }

  public record Offer(String type, Long amount, String currency, String description) {
  }

  public record Breach(String task, Instant dueAt, Instant breachedAt) {
  }

  public record Event(Instant at, String kind, String message) {
  }
}
