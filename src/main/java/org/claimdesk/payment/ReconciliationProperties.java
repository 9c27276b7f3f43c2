package org.claimdesk.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciliation of the processor's refunds with the payouts ({@link PayoutReconciliation}).
 *
 * @param window how far back each run compares (refunds and payouts created since then)
 * @param grace how long a PENDING payout may wait for its job before a refund the processor made
 *     for it counts as unrecorded
 */
@ConfigurationProperties("claimdesk.payment.reconciliation")
public record ReconciliationProperties(@DefaultValue("P3D") Duration window, @DefaultValue("PT1H") Duration grace) {
}
