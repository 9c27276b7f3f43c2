package org.claimdesk.cases;

import java.time.Instant;
import java.util.Locale;

/**
 * The case as the application records it: the customer's record of their claim, shared by the
 * four processes and kept current by them (engine history is not the customer's record).
 *
 * @param subjectId the order, subscription or payment the claim is about
 * @param policyProfile the policy profile the case is judged under ({@code standard}, {@code strict})
 * @param policyVersion the version of the policy texts in force when the case was opened (SL-2)
 */
public record CaseRecord(
    String reference,
    CaseType type,
    CaseStatus status,
    CaseOutcome outcome,
    String ruleId,
    String policyProfile,
    String policyVersion,
    String customerId,
    String subjectId,
    Locale language,
    Instant openedAt,
    Instant replyDueBy,
    CaseOffer offer) {
}
