package org.claimdesk.payment;

import org.claimdesk.commerce.Money;

/** The processor's record of a refund. */
public record ProcessorRefund(String refundId, String chargeReference, Money amount, Status status) {

  public enum Status { SUCCEEDED, PENDING, FAILED }
}
