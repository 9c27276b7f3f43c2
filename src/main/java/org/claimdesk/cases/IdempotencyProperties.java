package org.claimdesk.cases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How long the claim intake remembers an {@code Idempotency-Key} ({@link IdempotentRequests}).
 *
 * @param retention a key is forgotten this long after its first request (24 hours, as Stripe
 *     does); after that the same key is a new request, which the open-case rule still answers
 *     with the case already filed
 * @param tokenReplayWindow a replay within this long of the first request answers with the
 *     case's access token again (a client that lost the first answer); a later replay answers
 *     without it, the private link being in the acknowledgement email
 * @param pruneInterval how often each node deletes the keys past their retention
 */
@Validated
@ConfigurationProperties("claimdesk.idempotency")
public record IdempotencyProperties(
    @DefaultValue("PT24H") @NotNull Duration retention,
    @DefaultValue("PT15M") @NotNull Duration tokenReplayWindow,
    @DefaultValue("PT1H") @NotNull Duration pruneInterval) {

  public IdempotencyProperties {
    if (retention != null && (retention.isNegative() || retention.isZero())) {
      throw new IllegalArgumentException("claimdesk.idempotency.retention must be positive");
    }
    if (tokenReplayWindow != null && retention != null
        && (tokenReplayWindow.isNegative() || tokenReplayWindow.compareTo(retention) > 0)) {
      throw new IllegalArgumentException(
          "claimdesk.idempotency.token-replay-window must be between zero and the retention");
    }
  }
}
