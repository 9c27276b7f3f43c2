package org.claimdesk.discrepancy;

/** What the customer reports about a payment ({@code kind} of {@code POST /api/discrepancy-reports}). */
public enum DiscrepancyKind {
  /** Charged twice for the same thing. */
  DUPLICATE_CHARGE,
  /** Charged another amount than expected; the report says which ({@code expectedAmount}). */
  AMOUNT_MISMATCH,
  /** A payment the customer did not authorise. */
  UNAUTHORIZED,
  /** A payment the customer does not recognise. */
  NOT_RECOGNIZED,
  OTHER
}
