package org.claimdesk.payment.stripe;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's HTTP client, plus what it lacks: a 429 (rate limited) is asked again after the
 * {@code Retry-After} the processor names, when that is no longer than {@code maxRetryAfter},
 * up to {@code maxAttempts} times. The request is the same each time, idempotency key included,
 * so a repeated refund request makes one refund. Timeouts, 409 and 5xx are retried by the client
 * itself ({@code maxNetworkRetries}).
 */
class RetryAfterHttpClient extends HttpURLConnectionClient {

  private static final Logger log = LoggerFactory.getLogger(RetryAfterHttpClient.class);

  private final int maxAttempts;
  private final Duration maxRetryAfter;

  RetryAfterHttpClient(int maxAttempts, Duration maxRetryAfter) {
    this.maxAttempts = maxAttempts;
    this.maxRetryAfter = maxRetryAfter;
  }

  @Override
  public StripeResponse request(StripeRequest request) throws ApiConnectionException {
    StripeResponse response = super.request(request);
    for (int attempt = 1; response.code() == 429 && attempt < maxAttempts; attempt++) {
      Optional<Duration> wait = retryAfter(response, Instant.now());
      if (wait.isEmpty() || wait.get().compareTo(maxRetryAfter) > 0) {
        break;
      }
      log.info("The processor is rate limiting (429); asking again in {} ms ({} {})",
          wait.get().toMillis(), request.method(), request.url().getPath());
      pause(wait.get());
      response = super.request(request);
    }
    return response;
  }

  /** The wait a {@code Retry-After} header asks for: seconds, or an HTTP date. */
  static Optional<Duration> retryAfter(StripeResponse response, Instant now) {
    return response.headers().firstValue("Retry-After").flatMap(value -> parse(value.strip(), now));
  }

  static Optional<Duration> parse(String value, Instant now) {
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration wait = Duration.between(now,
            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
