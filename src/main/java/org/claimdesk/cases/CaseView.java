package org.claimdesk.cases;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/cases/{reference}}: what the customer sees of their case. */
public record CaseView(
    String reference,
    CaseType type,
    CaseStatus status,
    CaseOutcome outcome,
    String ruleId,
    String policyVersion,
    Instant openedAt,
    Instant replyDueBy,
    Offer offer,
    List<TimelineEntry> timeline) {

  /** The offer awaiting the customer's consent; {@code amount}/{@code currency} absent for an ALTERNATIVE. */
  public record Offer(OfferType type, Long amount, String currency, String description) {

    static Offer of(CaseOffer offer) {
      if (offer == null) {
        return null;
      }
      return offer.amount() == null
          ? new Offer(offer.type(), null, null, offer.description())
          : new Offer(offer.type(), offer.amount().amount(), offer.amount().currencyCode(), offer.description());
    }
  }

  static CaseView of(CaseRecord record, List<TimelineEntry> timeline) {
    return new CaseView(record.reference(), record.type(), record.status(), record.outcome(), record.ruleId(),
        record.policyVersion(), record.openedAt(), record.replyDueBy(), Offer.of(record.offer()), timeline);
  }
}
