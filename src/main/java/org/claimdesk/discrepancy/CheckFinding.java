package org.claimdesk.discrepancy;

import java.util.Objects;

import org.claimdesk.commerce.Money;

/**
 * One result of the automatic checks against the processor's record and the merchant data,
 * stored on the case and shown to the investigator and in the resolution document (PD-3, PD-6).
 *
 * @param relatedPaymentId the other payment a finding is about (the duplicate), or null
 * @param amount the amount the finding is about (the duplicate's amount, what was charged, what
 *     was refunded already), or null
 * @param otherAmount the amount it is compared with (the order's amount, the processor's), or null
 */
public record CheckFinding(Code code, String relatedPaymentId, Money amount, Money otherAmount) {

  public enum Code {
    /** Another captured payment of the same customer, order and amount, within the duplicate window. */
    DUPLICATE_CHARGE,
    /** The payment's amount is not the order's ({@code amount} charged, {@code otherAmount} ordered). */
    AMOUNT_DIFFERS_FROM_ORDER,
    /** The processor does not know the payment's charge. */
    UNKNOWN_TO_PROCESSOR,
    /** The processor's record differs from the merchant's ({@code amount} merchant, {@code otherAmount} processor). */
    PROCESSOR_RECORD_DIFFERS,
    /** Part or all of the payment was refunded already ({@code amount} refunded). */
    ALREADY_REFUNDED,
    /** The checks found nothing wrong with the payment. */
    NOTHING_FOUND
  }

  public CheckFinding {
    Objects.requireNonNull(code, "code");
  }

  public static CheckFinding of(Code code) {
    return new CheckFinding(code, null, null, null);
  }
}
