package org.claimdesk.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How many claims a node files at once, and how many may wait for their turn ({@link IntakeAdmission}).
 *
 * @param enabled off only to measure the node without it
 * @param maxConcurrent claims filed at the same time on this node; 0 for the node's cores plus one
 *     (filing is CPU-bound: more at once only makes each one slower)
 * @param maxQueued claims that may wait for their turn; one more is answered 503 at once; 0 for as
 *     many as are filed at once
 * @param maxWait the longest a queued claim waits for its turn before its 503 (a safety net: the
 *     queue's length already bounds the wait)
 * @param retryAfter what the 503's {@code Retry-After} tells the client to wait
 */
@Validated
@ConfigurationProperties("claimdesk.web.intake-admission")
public record IntakeAdmissionProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("0") @Min(0) int maxConcurrent,
    @DefaultValue("0") @Min(0) int maxQueued,
    @DefaultValue("PT2S") @NotNull Duration maxWait,
    @DefaultValue("PT1S") @NotNull Duration retryAfter) {

  /** The claims filed at once: {@code maxConcurrent}, or for 0 the available processors plus one. */
  public int concurrentClaims() {
    return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors() + 1;
  }

  /** The claims that may wait: {@code maxQueued}, or for 0 as many as {@link #concurrentClaims()}. */
  public int queuedClaims() {
    return maxQueued > 0 ? maxQueued : concurrentClaims();
  }
}
