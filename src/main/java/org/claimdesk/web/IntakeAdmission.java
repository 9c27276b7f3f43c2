package org.claimdesk.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.micrometer.core.instrument.Counter;

/**
 * Load shedding of claim filing: a node files at most {@code max-concurrent} claims at once (a
 * Resilience4j bulkhead, {@code claimdesk.web.intake-admission}); a claim that does not get its
 * turn within {@code max-wait} is answered at once with {@code 503} problem+json and
 * {@code Retry-After}, before anything reads its body, checks its caller or opens a transaction:
 * it changes nothing, and the client may send it again with the same {@code Idempotency-Key}.
 *
 * <p>Without it an overloaded node queued every claim in its web threads, each waiting its turn
 * for the CPU and the connection pool, until every answer came too late (docs/benchmark.md). With
 * it the queue is bounded: an accepted claim waits at most {@code max-wait} for its turn, and
 * what the node cannot file now is refused in a millisecond instead of timing out. A claim once
 * admitted is filed to the end (its case, process and acknowledgement committed together), so
 * nothing that was accepted is lost. Each node counts its own claims; a second node on the
 * same database files as many again.
 */
class IntakeAdmission extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(IntakeAdmission.class);

  private final Bulkhead bulkhead;
  private final long retryAfterSeconds;
  private final ObjectMapper objectMapper;
  private final Counter shed;

  IntakeAdmission(Bulkhead bulkhead, IntakeAdmissionProperties properties, ObjectMapper objectMapper, Counter shed) {
    this.bulkhead = bulkhead;
    this.retryAfterSeconds = Math.max(1, (properties.retryAfter().toMillis() + 999) / 1000);
    this.objectMapper = objectMapper;
    this.shed = shed;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!bulkhead.tryAcquirePermission()) {
      shed.increment();
      // Debug only: under overload this line would flood the log.
      log.debug("Claim refused with 503: {} claims are being filed", bulkhead.getBulkheadConfig().getMaxConcurrentCalls());
      response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
      ApiSecurityConfig.writeProblem(response, objectMapper, HttpStatus.SERVICE_UNAVAILABLE,
          "Claimdesk is filing as many claims as it can right now; nothing was filed. Send the same request again in "
              + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds."), false);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      bulkhead.onComplete();
    }
  }
}
