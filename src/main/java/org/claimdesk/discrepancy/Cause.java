package org.claimdesk.discrepancy;

/**
 * What the investigation established (the input of DMN {@code discrepancyLiability}): the first
 * four are the merchant's errors (PD-4), the next three are not (PD-5), the last is a payment
 * found correct.
 */
public enum Cause {
  /** Charged twice (PD-4). */
  DUPLICATE_CHARGE,
  /** Charged more than the order (PD-4). */
  OVERCHARGED,
  /** Another error of the merchant's (PD-4). */
  MERCHANT_ERROR,
  /** An unauthorized transaction made possible by a flaw in the merchant's security (PD-4). */
  UNAUTHORIZED_MERCHANT_SECURITY,
  /** The customer's error in the payment details (PD-5). */
  CUSTOMER_ERROR,
  /** Fraud not linked to the merchant's security (PD-5). */
  FRAUD_NOT_MERCHANT,
  /** An issue of the payment processor or of a bank (PD-5). */
  THIRD_PARTY_ISSUE,
  /** The payment is correct: nothing to rectify. */
  NO_DISCREPANCY
}
