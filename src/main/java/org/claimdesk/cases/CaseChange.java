package org.claimdesk.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * One business event's change to a case (issue #21): its new status, when a reply is next owed,
 * the decision and the rule it applied, the offer put to the customer. {@link CaseService#change}
 * writes it with one UPDATE of the case row; a part left out (null) keeps what is stored.
 *
 * <pre>{@code
 * cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(due).noOffer());
 * cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.FIXED, "RF-4"));
 * }</pre>
 *
 * @param status the new status, or null to keep it
 * @param replyDueBy when the next reply to the customer is due (SL-1), its value null when none is owed
 * @param decision the outcome and the rule it applied (either may be null)
 * @param offer the offer put to the customer, its value null to withdraw it
 */
public record CaseChange(CaseStatus status, Value<Instant> replyDueBy, Value<Decision> decision, Value<CaseOffer> offer) {

  /** A part that is set, possibly to null (the record's null means "left as it is"). */
  public record Value<T>(T value) {
  }

  /** What was decided, and under which rule. */
  public record Decision(CaseOutcome outcome, String ruleId) {
  }

  /** The case moves to {@code status}. */
  public static CaseChange to(CaseStatus status) {
    return new CaseChange(Objects.requireNonNull(status, "status"), null, null, null);
  }

  /** The status stays; set the other parts with the withers. */
  public static CaseChange keepStatus() {
    return new CaseChange(null, null, null, null);
  }

  /**
   * A decision: the status with its outcome and rule ({@code ruleId} may be null). A final status
   * owes no further reply, so it clears the reply date too.
   */
  public static CaseChange decided(CaseStatus status, CaseOutcome outcome, String ruleId) {
    CaseChange change = new CaseChange(Objects.requireNonNull(status, "status"), null,
        new Value<>(new Decision(outcome, ruleId)), null);
    return status.isFinal() ? change.noReplyDue() : change;
  }

  public CaseChange replyDueBy(Instant at) {
    return new CaseChange(status, new Value<>(at), decision, offer);
  }

  public CaseChange noReplyDue() {
    return replyDueBy(null);
  }

  public CaseChange offer(CaseOffer made) {
    return new CaseChange(status, replyDueBy, decision, new Value<>(made));
  }

  public CaseChange noOffer() {
    return offer(null);
  }

  /** Whether nothing would change. */
  public boolean isEmpty() {
    return status == null && replyDueBy == null && decision == null && offer == null;
  }
}
