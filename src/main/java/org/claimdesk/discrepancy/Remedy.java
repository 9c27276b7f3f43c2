package org.claimdesk.discrepancy;

/** How a discrepancy is resolved (the output of DMN {@code discrepancyLiability}). */
public enum Remedy {
  /** The merchant refunds to the original means of payment through the processor (PD-4). */
  REFUND,
  /** The merchant adjusts the customer's account balance: a credit in the wallet ledger (PD-4). */
  BALANCE_ADJUSTMENT,
  /** Not the merchant's liability: it assists, and says where the customer can turn (PD-5). */
  ASSISTANCE,
  /** Nothing to rectify: the payment is correct. */
  NONE
}
