package org.claimdesk.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * At most {@code requests} per client per {@code period}, as a token bucket per client address
 * (Bucket4j). Two instances guard the anonymous endpoints: the claim endpoints ({@code POST} of
 * {@code /api/refund-requests} and the three others, and of the page's forms {@code /claims/*},
 * {@code claimdesk.web.filing-limit}) and
 * everything a case's token opens ({@code /api/cases/**} and the page {@code /cases/*}, every
 * method: view, evidence, offer, withdraw, feedback, documents; {@code claimdesk.web.case-limit}),
 * so a token cannot be guessed at speed either. Over the limit: {@code 429} as
 * {@code application/problem+json} with {@code Retry-After} in seconds, and nothing is done.
 *
 * <p>The client is the request's remote address: behind a proxy or load balancer, set
 * {@code server.forward-headers-strategy} so that it is the customer's and not the proxy's; IPv6
 * clients count by /64 ({@link ClientAddress}). The
 * buckets live in this node's memory (a bounded cache); with several nodes, each node counts its
 * own share.
 */
class FilingRateLimit extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(FilingRateLimit.class);

  private final boolean postsOnly;
  private final String counted;
  private final long requests;
  private final Duration period;
  private final ObjectMapper objectMapper;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;

  /** {@code time}: the buckets' clock ({@link TimeMeter#SYSTEM_NANOTIME}; tests move their own). */
  FilingRateLimit(FilingLimitProperties limit, ObjectMapper objectMapper, TimeMeter time) {
    this(true, "claims", limit.requests(), limit.period(), limit.maxClients(), objectMapper, time);
  }

  /** The limit on everything a case token opens: every method counts. */
  FilingRateLimit(CaseLimitProperties limit, ObjectMapper objectMapper, TimeMeter time) {
    this(false, "requests on cases", limit.requests(), limit.period(), limit.maxClients(), objectMapper, time);
  }

  private FilingRateLimit(boolean postsOnly, String counted, long requests, Duration period, long maxClients,
      ObjectMapper objectMapper, TimeMeter time) {
    this.postsOnly = postsOnly;
    this.counted = counted;
    this.requests = requests;
    this.period = period;
    this.objectMapper = objectMapper;
    this.time = time;
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maxClients)
        .expireAfterAccess(period.multipliedBy(2))
        .build();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return postsOnly && !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Bucket bucket = buckets.get(ClientAddress.of(request), client -> newBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    // Debug only: under a flood of claims this line would flood the log (no address: it is personal data).
    log.debug("Request refused: the client passed {} {} per {}", requests, counted, period);
    response.setHeader("Retry-After", Long.toString(seconds));
    ApiSecurityConfig.writeProblem(response, objectMapper, HttpStatus.TOO_MANY_REQUESTS,
        "Too many " + counted + " from this client; try again in " + seconds + " seconds.", false);
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .withCustomTimePrecision(time)
        .addLimit(bandwidth -> bandwidth.capacity(requests).refillGreedy(requests, period))
        .build();
  }
}
