package org.claimdesk.discrepancy;

import java.time.Clock;
import java.util.Locale;

import org.claimdesk.cases.CaseDocument;
import org.claimdesk.cases.CaseDocuments;
import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CustomerContact;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseTimelineStore;
import org.claimdesk.commerce.Money;
import org.springframework.stereotype.Service;

/**
 * Writes a discrepancy's resolution document (PD-6) and stores it on the case: the report, the
 * payment, the automatic findings, the decision, the money moved and the timeline, in the
 * customer's language. One document per case and round (key {@code resolution-<round>}): a retried
 * step finds the one stored first. Runs in the caller's transaction.
 */
@Service
public class ResolutionDocuments {

  private final CaseService cases;
  private final CaseTimelineStore timeline;
  private final CaseDocuments documents;
  private final DiscrepancyFacts facts;
  private final DiscrepancyFindings findings;
  private final ResolutionDocumentRenderer renderer;
  private final Clock clock;

  public ResolutionDocuments(CaseService cases, CaseTimelineStore timeline, CaseDocuments documents, DiscrepancyFacts facts,
      DiscrepancyFindings findings, ResolutionDocumentRenderer renderer, Clock clock) {
    this.cases = cases;
    this.timeline = timeline;
    this.documents = documents;
    this.facts = facts;
    this.findings = findings;
    this.renderer = renderer;
    this.clock = clock;
  }

  /** What the customer reported, from the process's start variables. */
  public record ReportFacts(String paymentId, DiscrepancyKind kind, ReportChannel channel, String description,
      Long expectedAmount) {
  }

  /** Writes and stores the document; returns its id on the case. */
  public String issue(Resolution resolution, ReportFacts report) {
    String reference = resolution.reference();
    CaseRecord record = cases.get(reference);
    CustomerContact contact = cases.contactOf(reference);
    DiscrepancyFacts.Facts loaded = facts.load(report.paymentId());
    Money paid = loaded.payment().money();
    ResolutionDocument document = new ResolutionDocument(reference, record.language(),
        contact == null ? null : contact.name(), clock.instant(), resolution.round(),
        new ResolutionDocument.Report(report.kind(), report.channel(), record.openedAt(), report.description(),
            report.expectedAmount() == null ? null : new Money(report.expectedAmount(), paid.currency())),
        new ResolutionDocument.PaymentFacts(loaded.payment().id(), loaded.order().id(),
            loaded.order().description(), paid, loaded.payment().capturedAt()),
        findings.of(reference),
        new ResolutionDocument.Decision(resolution.cause(), resolution.merchantLiable(), resolution.remedy(),
            resolution.ruleId(), resolution.conclusion()),
        resolution.moved() == null ? null : new ResolutionDocument.Adjustment(resolution.remedy(), resolution.moved(),
            resolution.adjustmentReference(), resolution.refundedPaymentId()),
        timeline.entriesOf(reference).stream()
            .map(e -> new ResolutionDocument.TimelineLine(e.at(), e.kind(), e.message()))
            .toList());
    byte[] pdf = renderer.render(document);
    String language = record.language().getLanguage().equals(Locale.FRENCH.getLanguage()) ? "fr" : "en";
    CaseDocument stored = documents.store(reference, "resolution-" + resolution.round(), CaseDocuments.RESOLUTION,
        ("fr".equals(language) ? "resolution-enquete-" : "resolution-") + reference
            + (resolution.round() > 1 ? "-" + resolution.round() : "") + ".pdf",
        "application/pdf", pdf);
    return stored.id();
  }
}
