package org.claimdesk.payment.stripe;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Stripe-compatible processor ({@code claimdesk.payment.processor=stripe}). The secrets come
 * from the environment only ({@code CLAIMDESK_STRIPE_API_KEY}, {@code CLAIMDESK_STRIPE_WEBHOOK_SECRET}).
 *
 * @param apiBase the API's base URL; empty means Stripe's own (the client's default). A
 *     Stripe-compatible processor, or WireMock in the tests, is set here
 * @param apiKey the secret API key (never logged)
 * @param webhookSecret the signing secret of the webhook endpoint (never logged)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param maxAttempts attempts per request on a timeout, a 5xx or a 409 (the client's own retries,
 *     with the same idempotency key), and separately on a 429
 * @param maxRetryAfter the longest {@code Retry-After} of a 429 honoured within one call; a longer
 *     one (or a 429 after the last attempt) fails the call and the job retries later
 * @param webhookTolerance how old a webhook's signature timestamp may be
 * @param listPageSize the page size when listing refunds
 */
@ConfigurationProperties("claimdesk.payment.stripe")
public record StripeProperties(
    String apiBase,
    String apiKey,
    String webhookSecret,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT30S") Duration readTimeout,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("PT10S") Duration maxRetryAfter,
    @DefaultValue("PT5M") Duration webhookTolerance,
    @DefaultValue("100") int listPageSize) {

  @Override
  public String toString() {
    // The record's own toString would print the secrets.
    return "StripeProperties[apiBase=" + apiBase + ", apiKey=" + (blank(apiKey) ? "unset" : "set")
        + ", webhookSecret=" + (blank(webhookSecret) ? "unset" : "set") + ", connectTimeout="
        + connectTimeout + ", readTimeout=" + readTimeout + ", maxAttempts=" + maxAttempts
        + ", maxRetryAfter=" + maxRetryAfter + "]";
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
