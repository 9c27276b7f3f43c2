package org.claimdesk.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How many claims a node files at once ({@link IntakeAdmission}).
 *
 * @param enabled off only to measure the node without it
 * @param maxConcurrent claims filed at the same time on this node; a claim beyond waits; 0 for
 *     the node's cores plus one (filing is CPU-bound: more at once only makes each one slower)
 * @param maxWait how long a claim may wait for its turn before it is answered 503; with the
 *     filing time, the longest an accepted claim is answered in
 * @param retryAfter what the 503's {@code Retry-After} tells the client to wait
 */
@Validated
@ConfigurationProperties("claimdesk.web.intake-admission")
public record IntakeAdmissionProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("0") @Min(0) int maxConcurrent,
    @DefaultValue("PT0.02S") @NotNull Duration maxWait,
    @DefaultValue("PT1S") @NotNull Duration retryAfter) {

  /** The claims filed at once: {@code maxConcurrent}, or for 0 the available processors plus one. */
  public int concurrentClaims() {
    return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors() + 1;
  }
}
