package org.claimdesk.commerce;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of a customer's append-only wallet ledger. {@code amount} is as posted (positive
 * for RECHARGE and PURCHASE, signed for ADJUSTMENT); {@link #balanceChange()} is its signed
 * effect on the balance, and a wallet's balance is the sum of its entries' balance changes.
 * {@code source} says who posted it: the shop, or Claimdesk (a credit after an investigation).
 */
public record WalletEntry(
    String id,
    String customerId,
    String orderId,
    Kind kind,
    long amount,
    String currency,
    Source source,
    Instant createdAt) {

  public enum Kind {
    /** Credit bought with a WALLET_RECHARGE order; one per recharge order. */
    RECHARGE,
    /** Debit for a purchase paid from the wallet; never below a zero balance. */
    PURCHASE,
    /** A signed correction. */
    ADJUSTMENT;

    /** The signed effect on the balance of an entry of this kind posted with {@code amount}. */
    public long balanceChange(long amount) {
      return this == PURCHASE ? Math.negateExact(amount) : amount;
    }
  }

  public enum Source { SHOP, CLAIMDESK }

  /** The signed effect of this entry on the balance, in minor units. */
  @JsonProperty("balanceChange")
  public long balanceChange() {
    return kind.balanceChange(amount);
  }

  public Money money() {
    return Money.of(amount, currency);
  }
}
