package org.claimdesk.cases;

/** Where a case stands, in the customer's terms (product.md). */
public enum CaseStatus {
  RECEIVED,
  IN_REVIEW,
  WAITING_FOR_CUSTOMER,
  OFFER_PENDING,
  IN_PAYMENT,
  RESOLVED,
  REJECTED,
  CLOSED;

  /** RESOLVED, REJECTED and CLOSED end a case; a new claim on the same subject may then be filed. */
  public boolean isFinal() {
    return this == RESOLVED || this == REJECTED || this == CLOSED;
  }
}
