package org.claimdesk.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.claimdesk.commerce.Money;

/**
 * A payout as Claimdesk records it (table {@code claimdesk.payout}): recorded as PENDING before
 * the money moves, SUCCEEDED once it has, FAILED when the processor answered that the refund
 * failed.
 *
 * @param paymentId the refunded payment (REFUND), else null
 * @param customerId the credited customer (WALLET_CREDIT), else null
 * @param reference the processor's refund id (REFUND) or the wallet ledger entry id
 *     (WALLET_CREDIT); null until known
 * @param attempts how many times the money movement was started for this payout
 * @param lastError a short text of the last failure, null if there was none
 */
public record Payout(
    PayoutKey key,
    Kind kind,
    String paymentId,
    String customerId,
    Money amount,
    Status status,
    String reference,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {

  public enum Kind { REFUND, WALLET_CREDIT }

  public enum Status { PENDING, SUCCEEDED, FAILED }

  public Payout {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(status, "status");
  }

  /** A new PENDING payout, before its first attempt. */
  static Payout pending(PayoutKey key, Kind kind, String paymentId, String customerId, Money amount,
      Instant now) {
    return new Payout(key, kind, paymentId, customerId, amount, Status.PENDING, null, 0, null, now, now);
  }

  public String idempotencyKey() {
    return key.value();
  }

  /** The receipt of a SUCCEEDED payout; empty while it has not succeeded. */
  public Optional<PayoutReceipt> receipt() {
    return status == Status.SUCCEEDED
        ? Optional.of(new PayoutReceipt(idempotencyKey(), amount, reference))
        : Optional.empty();
  }

  /** Whether this payout moves the same money to the same place as {@code other}. */
  boolean sameInstructionAs(Payout other) {
    return key.equals(other.key) && kind == other.kind
        && Objects.equals(paymentId, other.paymentId)
        && Objects.equals(customerId, other.customerId)
        && amount.equals(other.amount);
  }

  /**
   * Refuses a payout request whose key is already recorded for other money: the same case and
   * step must always pay the same. The message names the key and both instructions (ids and
   * amounts only).
   */
  void requireSameInstructionAs(Payout requested) {
    if (!sameInstructionAs(requested)) {
      throw new IllegalStateException("Payout " + idempotencyKey() + " is already recorded as "
          + describe() + "; refusing " + requested.describe()
          + " under the same key (a case step pays once, always the same)");
    }
  }

  String describe() {
    return kind == Kind.REFUND
        ? "a refund of " + amount + " on payment " + paymentId
        : "a wallet credit of " + amount + " to customer " + customerId;
  }
}
