package org.claimdesk.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The rate limit on filing claims ({@link FilingRateLimit}).
 *
 * @param enabled off only where one client files on behalf of many (a load test)
 * @param requests claims one client may file per {@code period} (a burst of that many is allowed)
 * @param period the window the requests refill over
 * @param maxClients how many clients' buckets a node keeps at most (least recently used go first)
 */
@Validated
@ConfigurationProperties("claimdesk.web.filing-limit")
public record FilingLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("20") @Min(1) long requests,
    @DefaultValue("PT10M") @NotNull Duration period,
    @DefaultValue("100000") @Min(100) long maxClients) {
}
