package org.claimdesk.discrepancy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.claimdesk.commerce.Money;

/**
 * Everything the resolution document of a payment investigation shows (PD-6), already loaded, so
 * that {@link ResolutionDocumentRenderer} only lays it out and reads no database.
 *
 * <p>The constructor refuses a document that would tell the customer something inconsistent: an
 * adjustment whose kind is not the decided remedy, a refund or balance adjustment decided without
 * the money movement that carried it out, or money moved for a remedy that moves none.
 *
 * @param language the customer's language; French for {@code fr}, English for anything else
 * @param customerName the name to address, or null when the case does not know it
 * @param issuedAt when the document is issued; also the PDF's creation date
 * @param round 1 for the first resolution, 2 and more after the customer reopened the case
 * @param adjustment the money that moved, or null when none did
 * @param timeline the case's history, oldest first
 */
public record ResolutionDocument(
    String caseReference, Locale language, String customerName, Instant issuedAt, int round,
    Report report, PaymentFacts payment, List<CheckFinding> findings, Decision decision,
    Adjustment adjustment, List<TimelineLine> timeline) {

  public ResolutionDocument {
    Objects.requireNonNull(caseReference, "caseReference");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(issuedAt, "issuedAt");
    if (round < 1) {
      throw new IllegalArgumentException("round starts at 1: " + round);
    }
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(payment, "payment");
    findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
    Objects.requireNonNull(decision, "decision");
    timeline = List.copyOf(Objects.requireNonNull(timeline, "timeline"));
    boolean movesMoney = decision.remedy() == Remedy.REFUND || decision.remedy() == Remedy.BALANCE_ADJUSTMENT;
    if (movesMoney && adjustment == null) {
      throw new IllegalArgumentException(
          "A " + decision.remedy() + " decision needs the adjustment that carried it out");
    }
    if (!movesMoney && adjustment != null) {
      throw new IllegalArgumentException("A " + decision.remedy() + " decision moves no money");
    }
    if (adjustment != null && adjustment.kind() != decision.remedy()) {
      throw new IllegalArgumentException("The adjustment is a " + adjustment.kind() + ", the decision a "
          + decision.remedy());
    }
  }

  /**
   * What the customer reported.
   *
   * @param description the customer's own words
   * @param expectedAmount the amount the customer expected (AMOUNT_MISMATCH), or null
   */
  public record Report(DiscrepancyKind kind, ReportChannel channel, Instant reportedAt, String description,
      Money expectedAmount) {

    public Report {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(reportedAt, "reportedAt");
      Objects.requireNonNull(description, "description");
    }
  }

  /** The payment the report is about, as the merchant recorded it. */
  public record PaymentFacts(String paymentId, String orderId, String orderDescription, Money amount,
      Instant capturedAt) {

    public PaymentFacts {
      Objects.requireNonNull(paymentId, "paymentId");
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(orderDescription, "orderDescription");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(capturedAt, "capturedAt");
    }
  }

  /**
   * The outcome of DMN {@code discrepancyLiability} and the investigator's words.
   *
   * @param ruleId the policy rule the decision applies: PD-3, PD-4 or PD-5
   * @param investigatorConclusion free text written by staff for the customer, or null
   */
  public record Decision(Cause cause, boolean merchantLiable, Remedy remedy, String ruleId,
      String investigatorConclusion) {

    public Decision {
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(remedy, "remedy");
      Objects.requireNonNull(ruleId, "ruleId");
    }
  }

  /**
   * Money that moved to the customer.
   *
   * @param kind REFUND or BALANCE_ADJUSTMENT
   * @param reference the processor's refund ID, or the wallet ledger entry's ID
   * @param paymentId the refunded payment; null for a BALANCE_ADJUSTMENT
   */
  public record Adjustment(Remedy kind, Money amount, String reference, String paymentId) {

    public Adjustment {
      Objects.requireNonNull(kind, "kind");
      if (kind != Remedy.REFUND && kind != Remedy.BALANCE_ADJUSTMENT) {
        throw new IllegalArgumentException("An adjustment is a REFUND or a BALANCE_ADJUSTMENT, not " + kind);
      }
      Objects.requireNonNull(amount, "amount");
      if (!amount.isPositive()) {
        throw new IllegalArgumentException("An adjustment moves a positive amount: " + amount);
      }
      Objects.requireNonNull(reference, "reference");
      if (kind == Remedy.REFUND) {
        Objects.requireNonNull(paymentId, "paymentId of a REFUND");
      }
    }
  }

  /**
   * One entry of the case's history.
   *
   * @param kind the entry's kind as stored on the case; not shown, the message says it all
   * @param message already in the customer's language
   */
  public record TimelineLine(Instant at, String kind, String message) {

    public TimelineLine {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }
}
