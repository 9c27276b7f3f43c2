package org.claimdesk.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * What managers see on the Cockpit dashboard ({@code GET /api/dashboard}). Periods are
 * calendar periods in UTC: the ISO week (from Monday) and the month that hold {@code asOf}.
 */
public record DashboardFigures(
    Instant asOf,
    Instant weekStart,
    Instant monthStart,
    List<OpenCases> openCases,
    List<FirstRepliesDue> firstRepliesDue,
    List<Breaches> slaBreachesByProcess,
    List<Breaches> slaBreachesByGroup,
    List<Durations> timesThisMonth,
    List<Outcome> outcomesThisMonth,
    List<MoneyIncident> moneyIncidents) {

  /** Cases not yet final, by process and status. */
  public record OpenCases(String process, String status, long cases) {
  }

  /** Open review tasks (first replies, SL-1) due within the next 24 h, and overdue. */
  public record FirstRepliesDue(String process, long dueWithin24h, long overdue) {
  }

  /** SLA breaches (SL-1) recorded this week and this month, by process or by group ({@code key}). */
  public record Breaches(String key, long thisWeek, long thisMonth) {
  }

  /**
   * Times to the first reply (cases whose first reply was sent this month) and to resolution
   * (cases closed this month), in seconds; {@code process} "all" sums every process. Null
   * where there was none.
   */
  public record Durations(String process, long firstReplies, Double firstReplyMedianSeconds,
      Double firstReplyP90Seconds, long resolved, Double resolutionMedianSeconds, Double resolutionP90Seconds) {
  }

  /**
   * Cases closed this month by outcome and rule ID; {@code withoutReview} counts the cases no one
   * reviewed (a claim refused at once, say); {@code amount} is the money that moved on them, in
   * minor units of {@code currency} (both null when none moved).
   */
  public record Outcome(String outcome, String ruleId, long cases, long withoutReview, String currency,
      Long amount) {
  }

  /** An open incident on an activity that moves money, with the payouts recorded on its case. */
  public record MoneyIncident(String incidentId, String processInstanceId, String caseReference, String process,
      String activityId, Instant since, String message, List<PayoutLine> payouts) {
  }

  /** A payout of a case as {@code claimdesk.payout} holds it. */
  public record PayoutLine(String idempotencyKey, String kind, long amount, String currency, String status,
      int attempts, String lastError, Instant updatedAt) {
  }
}
