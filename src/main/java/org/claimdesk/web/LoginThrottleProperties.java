package org.claimdesk.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The throttle on failed logins ({@link LoginThrottle}).
 *
 * @param maxFailures failed logins one client (address, IPv6 /64) may make within {@code window}
 * @param window the period the failures are counted over, from the first one
 * @param lock how long a client that went past {@code maxFailures} may not log in at all
 * @param maxClients how many clients a node remembers at most (least recently seen go first)
 */
@Validated
@ConfigurationProperties("claimdesk.web.login-throttle")
public record LoginThrottleProperties(
    @DefaultValue("10") @Min(1) int maxFailures,
    @DefaultValue("PT10M") @NotNull Duration window,
    @DefaultValue("PT15M") @NotNull Duration lock,
    @DefaultValue("100000") @Min(100) long maxClients) {
}
