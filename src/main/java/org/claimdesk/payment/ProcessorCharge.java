package org.claimdesk.payment;

import org.claimdesk.commerce.Money;

/** The processor's record of a charge (a payment), as an investigation reads it (PD-3, WR-2). */
public record ProcessorCharge(String chargeReference, Money amount, Status status) {

  public enum Status { CAPTURED, PENDING, FAILED }
}
