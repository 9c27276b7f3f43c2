package org.claimdesk.commerce;

import java.time.Instant;

import org.claimdesk.jdbc.DbTimes;
import org.claimdesk.web.FreeText;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A subscription as the shop reports it: the body of {@code POST /api/subscriptions}. The
 * paid cycle runs from {@code cycleStart} to {@code cycleEnd}; {@code lastPaymentId} is the
 * payment that paid it.
 */
public record SubscriptionRequest(
    @NotNull @ShopId String id,
    @NotNull @ShopId String customerId,
    @NotNull @ShopId String orderId,
    @NotBlank @Size(max = 100) @Pattern(regexp = FreeText.ONE_LINE, message = FreeText.REFUSED)
    String plan,
    @NotNull @Positive Long amount,
    @CurrencyCode String currency,
    @NotNull Instant cycleStart,
    @NotNull Instant cycleEnd,
    @NotNull @ShopId String lastPaymentId,
    @NotNull Subscription.Status status) {

  SubscriptionRequest withTimesTruncated() {
    return new SubscriptionRequest(id, customerId, orderId, plan, amount, currency,
        DbTimes.truncate(cycleStart), DbTimes.truncate(cycleEnd), lastPaymentId, status);
  }
}
