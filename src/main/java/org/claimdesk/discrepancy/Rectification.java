package org.claimdesk.discrepancy;

import java.util.Optional;

import org.claimdesk.commerce.Money;

/**
 * How much money an investigator's finding moves, and from which payment, should the decision
 * make the merchant liable (PD-4). The causes PD-5 covers, and a correct payment, move nothing.
 * A refund never exceeds what is left of the payment after earlier refunds.
 */
public final class Rectification {

  /** The money to move back to the customer, and the payment a refund goes back to. */
  public record Amount(Money amount, String paymentId) {
  }

  private Rectification() {
  }

  /**
   * @param paid the reported payment's amount
   * @param ordered its order's amount
   * @param refunded what the processor refunded on it already
   * @param typed the amount the investigator typed, or null
   * @param duplicatePaymentId the later payment of a duplicate pair the checks found, or null
   * @throws IllegalArgumentException with a message for the investigator when the amount cannot be right
   */
  public static Optional<Amount> forFinding(Cause cause, String paymentId, Money paid, Money ordered, Money refunded,
      Money typed, String duplicatePaymentId) {
    Money left = paid.minus(refunded);
    Money amount = switch (cause) {
      case DUPLICATE_CHARGE -> duplicatePaymentId != null && !duplicatePaymentId.equals(paymentId) ? paid : left;
      case UNAUTHORIZED_MERCHANT_SECURITY -> typed != null ? typed : left;
      case OVERCHARGED -> typed != null ? typed : paid.minus(ordered);
      case MERCHANT_ERROR -> {
        if (typed == null) {
          throw new IllegalArgumentException("Enter the amount to put right, in " + paid.currencyCode() + ".");
        }
        yield typed;
      }
      case CUSTOMER_ERROR, FRAUD_NOT_MERCHANT, THIRD_PARTY_ISSUE, NO_DISCREPANCY -> null;
    };
    if (amount == null) {
      return Optional.empty();
    }
    String refundFrom = cause == Cause.DUPLICATE_CHARGE && duplicatePaymentId != null ? duplicatePaymentId : paymentId;
    if (!amount.isPositive()) {
      throw new IllegalArgumentException(cause == Cause.OVERCHARGED && typed == null
          ? "The payment (" + paid + ") is not more than the order (" + ordered + "): enter the amount overcharged."
          : "Nothing is left to put right: " + refunded + " of " + paid + " is refunded already.");
    }
    if (refundFrom.equals(paymentId) && amount.isGreaterThan(left)) {
      throw new IllegalArgumentException("At most " + left + " of the payment is left to put right ("
          + refunded + " of " + paid + " is refunded already).");
    }
    return Optional.of(new Amount(amount, refundFrom));
  }
}
