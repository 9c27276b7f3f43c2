package org.claimdesk.commerce;

import java.time.Instant;
import org.claimdesk.jdbc.DbTimes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A payment the processor took (or tried to take) for an order: the body of
 * {@code POST /api/payments} and the answer of {@code GET /api/payments/{id}}. Its amount may
 * differ from the order's (that is what an amount-mismatch dispute is about); its currency
 * may not.
 */
public record Payment(
    @NotNull @ShopId String id,
    @NotNull @ShopId String orderId,
    @NotBlank @Size(max = 255) @Pattern(regexp = "[\\x21-\\x7E]*", message = "must be printable ASCII without spaces")
    String processorReference,
    @NotNull @Positive Long amount,
    @CurrencyCode String currency,
    @NotNull Instant capturedAt,
    @NotNull Status status) {

  public enum Status { CAPTURED, FAILED, PENDING }

  /** The payment's amount as {@link Money}; only for a validated payment. */
  public Money money() {
    return Money.of(amount, currency);
  }

  Payment withTimesTruncated() {
    return new Payment(id, orderId, processorReference, amount, currency,
        DbTimes.truncate(capturedAt), status);
  }
}
