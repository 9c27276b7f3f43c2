package org.claimdesk.cases;

/** The resolutions an agent may offer (RF-8). */
public enum OfferType {
  FULL_REFUND,
  PARTIAL_REFUND,
  /** A credit for future services, booked to the customer's wallet. */
  CREDIT,
  /** A solution without money: rework, another service, a recalculated scope. */
  ALTERNATIVE;

  /** Whether accepting the offer moves money. */
  public boolean movesMoney() {
    return this != ALTERNATIVE;
  }
}
