package org.claimdesk.cases;

import java.util.Objects;

import org.claimdesk.commerce.Money;

/**
 * The money a case decided to move under one decision key ({@code claimdesk.case_payout_decision},
 * V13): what its payout step pays, read from the database, never from a process variable.
 *
 * @param paymentId the payment to refund, or null where the step finds it (a subscription's last
 *     payment) or where the money is a wallet credit
 */
public record PayoutDecision(String paymentId, Money amount) {

  public PayoutDecision {
    Objects.requireNonNull(amount, "amount");
    if (amount.amount() <= 0) {
      throw new IllegalArgumentException("A payout decision moves a positive amount, not " + amount);
    }
  }
}
