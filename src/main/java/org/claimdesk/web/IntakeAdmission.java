package org.claimdesk.web;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Load shedding of claim filing, a bounded queue in front of the intake
 * ({@code claimdesk.web.intake-admission}): a node files at most {@code max-concurrent} claims at
 * once, and at most {@code max-queued} more wait for their turn, first come first served. A claim
 * that finds the queue full is answered at once with {@code 503} problem+json and
 * {@code Retry-After}, before anything reads its body, checks its caller or opens a transaction:
 * it changes nothing, and the client may send it again with the same {@code Idempotency-Key}. A
 * queued claim that still has no turn after {@code max-wait} gets the same answer.
 *
 * <p>Without it an overloaded node queued every claim in its web threads, each waiting its turn
 * for the CPU and the connection pool, until every answer came too late (docs/benchmark.md). With
 * it an accepted claim waits behind at most {@code max-queued} others, so its answer stays fast,
 * and what the node cannot file now is refused in a millisecond instead of timing out; a short
 * burst (a few customers at the same second) waits in the queue instead of being refused. A claim
 * once admitted is filed to the end (its case, process and acknowledgement committed together), so
 * nothing accepted is lost. Each node counts its own claims: a second node files as many again.
 *
 * <p>Resilience4j's semaphore bulkhead bounds the wait but not the queue; its thread-pool
 * bulkhead runs the work on threads of its own, which a servlet request cannot move to: a
 * semaphore and a counter of the waiting do exactly this.
 */
class IntakeAdmission extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(IntakeAdmission.class);

  private final Semaphore turns;
  private final int concurrent;
  private final int maxQueued;
  private final long maxWaitNanos;
  private final long retryAfterSeconds;
  private final AtomicInteger queued = new AtomicInteger();
  private final ObjectMapper objectMapper;
  private final Counter shed;

  IntakeAdmission(IntakeAdmissionProperties properties, ObjectMapper objectMapper, MeterRegistry meters) {
    this.concurrent = properties.concurrentClaims();
    this.turns = new Semaphore(concurrent, true);
    this.maxQueued = properties.queuedClaims();
    this.maxWaitNanos = properties.maxWait().toNanos();
    this.retryAfterSeconds = Math.max(1, (properties.retryAfter().toMillis() + 999) / 1000);
    this.objectMapper = objectMapper;
    this.shed = Counter.builder("claimdesk.intake.shed")
        .description("Claims answered 503: the node was filing and queueing as many as it may")
        .register(meters);
    Gauge.builder("claimdesk.intake.filing", () -> concurrent - turns.availablePermits())
        .description("Claims being filed on this node now").register(meters);
    Gauge.builder("claimdesk.intake.queued", queued::get)
        .description("Claims waiting for their turn to be filed on this node now").register(meters);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!admitted()) {
      shed.increment();
      // Debug only: under overload this line would flood the log.
      log.debug("Claim refused with 503: {} claims filed and {} queued", concurrent, maxQueued);
      response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
      ApiSecurityConfig.writeProblem(response, objectMapper, HttpStatus.SERVICE_UNAVAILABLE,
          "Claimdesk is filing as many claims as it can right now; nothing was filed. Send the same request again in "
              + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds."), false);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      turns.release();
    }
  }

  /** A turn now, or in the queue if it has room; false if neither (or the wait ran out). */
  private boolean admitted() {
    // With a timeout, even of zero, the fair semaphore serves the claims already queued first.
    try {
      if (turns.tryAcquire(0, TimeUnit.NANOSECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (queued.incrementAndGet() > maxQueued) {
      queued.decrementAndGet();
      return false;
    }
    try {
      return turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      queued.decrementAndGet();
    }
  }

  /** For tests: takes every free turn of this node, as that many claims being filed would; answers how many. */
  int holdTurns() {
    return turns.drainPermits();
  }

  /** For tests: gives back turns taken by {@link #holdTurns}. */
  void release(int turnsHeld) {
    turns.release(turnsHeld);
  }
}
