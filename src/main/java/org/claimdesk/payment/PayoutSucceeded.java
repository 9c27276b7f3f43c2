package org.claimdesk.payment;

import org.claimdesk.commerce.Money;

/**
 * A payout was marked SUCCEEDED: published as a Spring application event in the payout's own
 * transaction (the metrics count it after that commits).
 */
public record PayoutSucceeded(String idempotencyKey, Payout.Kind kind, Money amount) {
}
