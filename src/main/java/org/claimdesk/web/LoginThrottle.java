package org.claimdesk.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Failed logins are throttled per client, never per account (issue #20 point 4): anyone may
 * fail a password, so a lock on the account would let them lock out the administrator or the
 * shop's service account. Camunda's own per-user locks are switched off ({@code LoginLocksOff});
 * this filter, in front of every other one, counts the failures of each client address (IPv6 by
 * /64, {@link ClientAddress}) instead:
 * <ul>
 *   <li>a login attempt is a request with {@code Authorization: Basic} (the APIs, {@code /engine-rest},
 *       Actuator) or a {@code POST} to the webapps' login;</li>
 *   <li>it failed when the answer is {@code 401};</li>
 *   <li>after {@code max-failures} failures within {@code window}, the client is locked for
 *       {@code lock}: each login attempt gets {@code 429} problem+json with {@code Retry-After},
 *       before any password is checked. The lock then ends by itself.</li>
 * </ul>
 * Each lock counts in {@code claimdesk.login.lockouts} and each failure in
 * {@code claimdesk.login.failures} (tag {@code channel}: api, engine-rest, webapp, actuator).
 * The counts live in this node's memory (a bounded cache); with several nodes, each counts its own.
 */
public class LoginThrottle extends OncePerRequestFilter {

  static final String LOCKOUTS = "claimdesk.login.lockouts";
  static final String FAILURES = "claimdesk.login.failures";
  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

  private final LoginThrottleProperties limits;
  private final ObjectMapper objectMapper;
  private final MeterRegistry meters;
  private final Clock clock;
  private final Cache<String, Client> clients;

  LoginThrottle(LoginThrottleProperties limits, ObjectMapper objectMapper, MeterRegistry meters, Clock clock) {
    this.limits = limits;
    this.objectMapper = objectMapper;
    this.meters = meters;
    this.clock = clock;
    Duration remembered = limits.window().compareTo(limits.lock()) > 0 ? limits.window() : limits.lock();
    this.clients = Caffeine.newBuilder()
        .maximumSize(limits.maxClients())
        .expireAfterAccess(remembered.multipliedBy(2))
        .build();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return channel(request) == null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = ClientAddress.of(request);
    Client client = clients.get(key, k -> new Client());
    Duration locked = client.lockedFor(clock.instant());
    if (!locked.isZero()) {
      refuse(response, locked);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      String channel = channel(request);
      meters.counter(FAILURES, "channel", channel).increment();
      if (client.failed(clock.instant(), limits)) {
        meters.counter(LOCKOUTS, "channel", channel).increment();
        // The address is personal data: the log says that a lock happened, the metric how often.
        log.warn("A client failed {} logins within {} ({}): its logins are refused for {}",
            limits.maxFailures(), limits.window(), channel, limits.lock());
      }
    }
  }

  private void refuse(HttpServletResponse response, Duration locked) throws IOException {
    long seconds = Math.max(1, locked.toSeconds() + (locked.toNanosPart() > 0 ? 1 : 0));
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    ApiSecurityConfig.writeProblem(response, objectMapper, HttpStatus.TOO_MANY_REQUESTS,
        "Too many failed logins from this address; try again in " + seconds + " seconds.", false);
  }

  /** Which login a request is ({@code api}, {@code engine-rest}, {@code webapp}, {@code actuator}), or null. */
  static String channel(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
      return "webapp";
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
      return null;
    }
    if (path.startsWith("/engine-rest")) {
      return "engine-rest";
    }
    if (path.startsWith("/actuator")) {
      return "actuator";
    }
    return path.startsWith("/camunda") ? "webapp" : "api";
  }

  /** One client's failures in the current window, and its lock. */
  private static final class Client {

    private Instant windowStart;
    private int failures;
    private Instant lockedUntil;

    synchronized Duration lockedFor(Instant now) {
      if (lockedUntil == null || !now.isBefore(lockedUntil)) {
        return Duration.ZERO;
      }
      return Duration.between(now, lockedUntil);
    }

    /** Counts a failure; true when it locks the client. */
    synchronized boolean failed(Instant now, LoginThrottleProperties limits) {
      if (windowStart == null || !now.isBefore(windowStart.plus(limits.window()))) {
        windowStart = now;
        failures = 0;
      }
      failures++;
      if (failures < limits.maxFailures()) {
        return false;
      }
      lockedUntil = now.plus(limits.lock());
      windowStart = null;
      failures = 0;
      return true;
    }
  }
}
