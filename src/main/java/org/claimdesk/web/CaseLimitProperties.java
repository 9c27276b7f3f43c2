package org.claimdesk.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The rate limit on what a case's token opens, {@code /api/cases/**} and the case page
 * ({@link FilingRateLimit}): a customer reading and answering their case stays far below it, a
 * client guessing tokens or flooding uploads does not.
 *
 * @param enabled off only where one client stands for many (a load test, the integration tests)
 * @param requests requests one client may make per {@code period} (a burst of that many is allowed)
 * @param period the window the requests refill over
 * @param maxClients how many clients' buckets a node keeps at most (least recently used go first)
 */
@Validated
@ConfigurationProperties("claimdesk.web.case-limit")
public record CaseLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("300") @Min(1) long requests,
    @DefaultValue("PT10M") @NotNull Duration period,
    @DefaultValue("100000") @Min(100) long maxClients) {
}
