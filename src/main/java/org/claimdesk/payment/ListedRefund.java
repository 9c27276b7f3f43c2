package org.claimdesk.payment;

import java.time.Instant;

import org.claimdesk.commerce.Money;

/**
 * A refund as the processor lists it for reconciliation.
 *
 * @param idempotencyKey the payout key Claimdesk sent with it ({@code <caseReference>:<step>}), or
 *     null for a refund Claimdesk did not make (one made in the processor's dashboard)
 */
public record ListedRefund(String refundId, String idempotencyKey, String chargeReference, Money amount,
    ProcessorRefund.Status status, Instant createdAt) {
}
