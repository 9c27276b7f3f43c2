package org.claimdesk.cases;

import java.time.Instant;

/**
 * The answer to a claim ({@code POST /api/refund-requests}, ...): the case as it stands after its
 * process started. {@code accessToken} is present only when the case was created by this
 * request (or a replay of it); absent fields are left out of the JSON.
 */
public record ClaimAnswer(
    String reference,
    CaseType type,
    CaseStatus status,
    CaseOutcome outcome,
    String ruleId,
    Instant replyDueBy,
    String accessToken) {

  static ClaimAnswer of(CaseRecord record, String accessToken) {
    return new ClaimAnswer(record.reference(), record.type(), record.status(), record.outcome(),
        record.ruleId(), record.replyDueBy(), accessToken);
  }
}
