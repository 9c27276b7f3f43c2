package org.claimdesk.payment;

import java.util.Objects;

import org.claimdesk.commerce.Money;

/**
 * The processor's record of a charge (a payment), as an investigation reads it (PD-3, WR-2).
 *
 * @param refunded how much of the charge the processor has refunded so far (zero when nothing),
 *     as a Stripe charge's {@code amount_refunded}
 */
public record ProcessorCharge(String chargeReference, Money amount, Status status, Money refunded) {

  public enum Status { CAPTURED, PENDING, FAILED }

  public ProcessorCharge {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(refunded, "refunded");
  }

  /** A charge of which nothing is refunded. */
  public ProcessorCharge(String chargeReference, Money amount, Status status) {
    this(chargeReference, amount, status, Money.zero(amount.currency()));
  }
}
