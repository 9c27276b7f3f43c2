package org.claimdesk.cases;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/cases/{reference}}: what the customer sees of their case, with the documents
 * written for them (PD-6), each with the path it downloads from (the same access token applies),
 * the {@link CaseAction actions} the customer can take now, and the case's language ({@code en} or
 * {@code fr}: its messages are written in it, and the web page opens in it).
 */
public record CaseView(
    String reference,
    CaseType type,
    CaseStatus status,
    String language,
    CaseOutcome outcome,
    String ruleId,
    String policyVersion,
    Instant openedAt,
    Instant replyDueBy,
    Offer offer,
    List<TimelineEntry> timeline,
    List<Document> documents,
    List<CaseAction> actions) {

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

  /** A document of the case; {@code href} is its customer download, {@code GET} with header {@code X-Case-Token}. */
  public record Document(String id, String kind, String fileName, Instant createdAt, String href) {

    static Document of(String reference, CaseDocument document) {
      return new Document(document.id(), document.kind(), document.fileName(), document.createdAt(),
          "/api/cases/" + reference + "/documents/" + document.id());
    }
  }

  static CaseView of(CaseRecord record, List<TimelineEntry> timeline, List<CaseDocument> documents,
      List<CaseAction> actions) {
    return new CaseView(record.reference(), record.type(), record.status(), record.language().getLanguage(),
        record.outcome(), record.ruleId(), record.policyVersion(), record.openedAt(), record.replyDueBy(),
        Offer.of(record.offer()), timeline,
        documents.stream().map(document -> Document.of(record.reference(), document)).toList(), List.copyOf(actions));
  }
}
