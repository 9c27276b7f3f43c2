package org.claimdesk.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How emails leave the outbox ({@code claimdesk.notification.*}). SMTP itself is Spring Boot's
 * {@code spring.mail.*}: no {@code spring.mail.host}, no sending (rows stay as {@code NO_SMTP}).
 *
 * @param from the sender address of every email; required when SMTP is configured
 * @param dispatchInterval how often the dispatcher looks for emails to send or retry (also its first delay)
 * @param maxAttempts attempts per email before it is marked FAILED
 * @param retryBackoff the wait after the first failed attempt; it doubles with each further failure
 * @param maxRetryBackoff the longest wait between two attempts
 * @param batchSize at most this many emails per dispatcher run
 * @param sendAfterCommit whether an email is sent straight after its transaction commits (otherwise
 *     only the dispatcher sends)
 * @param outboxApiEnabled whether {@code GET /api/outbox} (group camunda-admin) shows what was queued
 */
@Validated
@ConfigurationProperties("claimdesk.notification")
public record NotificationProperties(
    String from,
    @NotNull @DefaultValue("PT30S") Duration dispatchInterval,
    @Min(1) @DefaultValue("8") int maxAttempts,
    @NotNull @DefaultValue("PT1M") Duration retryBackoff,
    @NotNull @DefaultValue("PT1H") Duration maxRetryBackoff,
    @Min(1) @DefaultValue("20") int batchSize,
    @DefaultValue("true") boolean sendAfterCommit,
    @DefaultValue("false") boolean outboxApiEnabled) {

  /** The wait before attempt {@code attemptsSoFar + 1}: doubling from {@link #retryBackoff}, capped. */
  Duration backoffAfter(int attemptsSoFar) {
    Duration wait = retryBackoff;
    for (int i = 1; i < attemptsSoFar && wait.compareTo(maxRetryBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : wait;
  }
}
