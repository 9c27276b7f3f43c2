package org.claimdesk.discrepancy;

import org.claimdesk.commerce.Money;

/**
 * A decided discrepancy, as the process holds it when the resolution is documented (PD-6).
 *
 * @param moved the money that moved back to the customer, or null
 * @param adjustmentReference the processor's refund id or the wallet ledger entry id, or null
 * @param refundedPaymentId the payment a refund went back to, or null
 * @param conclusion the investigator's words for the customer, or null (a duplicate refunded automatically)
 */
public record Resolution(String reference, int round, Cause cause, boolean merchantLiable, Remedy remedy,
    String ruleId, Money moved, String adjustmentReference, String refundedPaymentId, String conclusion) {

  /** The resolution the process variables describe. */
  public static Resolution of(DiscrepancyVariables v) {
    Remedy remedy = Remedy.valueOf(v.string(DiscrepancyVariables.REMEDY));
    boolean moves = remedy == Remedy.REFUND || remedy == Remedy.BALANCE_ADJUSTMENT;
    return new Resolution(v.caseReference(), v.round(), Cause.valueOf(v.string(DiscrepancyVariables.CAUSE)),
        v.flag(DiscrepancyVariables.MERCHANT_LIABLE), remedy, v.string(DiscrepancyVariables.RULE_ID),
        moves ? v.rectifyAmount() : null, moves ? v.string(DiscrepancyVariables.ADJUSTMENT_REFERENCE) : null,
        remedy == Remedy.REFUND ? v.string(DiscrepancyVariables.RECTIFY_PAYMENT_ID) : null,
        v.string(DiscrepancyVariables.CONCLUSION));
  }

  /** As managers read it on the review form. */
  public String summary() {
    return cause + " (" + (merchantLiable ? "our liability" : "not our liability") + ", " + ruleId + "): " + remedy
        + (moved == null ? "" : " of " + moved + (adjustmentReference == null ? "" : ", " + adjustmentReference))
        + (conclusion == null || conclusion.isBlank() ? "" : "\nConclusion sent: " + conclusion.strip());
  }
}
