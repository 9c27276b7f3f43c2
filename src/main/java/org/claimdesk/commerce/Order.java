package org.claimdesk.commerce;

import java.time.Instant;
import java.time.LocalDate;
import org.claimdesk.jdbc.DbTimes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * An order of the shop, with its customer embedded: the body of {@code POST /api/orders} and
 * the answer of {@code GET /api/orders/{id}}. {@code amount} is in minor units of
 * {@code currency}; {@code serviceDate} is when the service is (or was) rendered, if it has a
 * date.
 */
public record Order(
    @NotNull @ShopId String id,
    @NotNull @Valid Customer customer,
    @NotNull ProductType productType,
    @NotBlank @Size(max = 500) String description,
    @NotNull @Positive Long amount,
    @CurrencyCode String currency,
    @NotNull Instant orderedAt,
    LocalDate serviceDate,
    @NotNull ServiceStatus serviceStatus) {

  public enum ProductType { SERVICE, DIGITAL, SUBSCRIPTION, WALLET_RECHARGE }

  /** How far delivery got: booked, started (a download or a project began), or rendered. */
  public enum ServiceStatus { BOOKED, INITIATED, RENDERED }

  /** The order's amount as {@link Money}; only for a validated order. */
  public Money money() {
    return Money.of(amount, currency);
  }

  Order withTimesTruncated() {
    return new Order(id, customer, productType, description, amount, currency,
        DbTimes.truncate(orderedAt), serviceDate, serviceStatus);
  }
}
