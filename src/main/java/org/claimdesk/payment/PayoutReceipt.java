package org.claimdesk.payment;

import org.claimdesk.commerce.Money;

/**
 * What a payout did: its idempotency key, the money moved, and where: the processor's refund id
 * or the wallet ledger entry id.
 */
public record PayoutReceipt(String idempotencyKey, Money amount, String reference) {
}
