package org.claimdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Load shedding of claims: while the node files as many claims as it may, the next one is
 * answered 503 problem+json with Retry-After and never reaches the intake; a finished claim
 * frees its turn, also when it failed.
 */
class IntakeAdmissionTest {

  private final ObjectMapper objectMapper = new ObjectMapper();
  private final AtomicInteger filed = new AtomicInteger();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  /** One claim filed at a time and none queued, unless a test says otherwise. */
  private IntakeAdmission admission(int maxConcurrent, Duration retryAfter) {
    return admission(maxConcurrent, 1, Duration.ZERO, retryAfter);
  }

  private IntakeAdmission admission(int maxConcurrent, int maxQueued, Duration maxWait, Duration retryAfter) {
    return new IntakeAdmission(new IntakeAdmissionProperties(true, maxConcurrent, maxQueued, maxWait, retryAfter),
        objectMapper, meters);
  }

  private double shed() {
    return meters.get("claimdesk.intake.shed").counter().count();
  }

  @Test
  void aClaimBeyondTheClaimsUnderWayIs503WithRetryAfterAndIsNotFiled() throws Exception {
    IntakeAdmission admission = admission(1, Duration.ofSeconds(2));
    FilingClaim first = filingClaim(admission);

    MockHttpServletResponse refused = file(admission, () -> { });

    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = objectMapper.readTree(refused.getContentAsString());
    assertThat(problem.path("status").asInt()).isEqualTo(503);
    assertThat(problem.path("detail").asText()).contains("nothing was filed").contains("in 2 seconds");
    assertThat(filed).as("only the first claim reached the intake").hasValue(1);
    assertThat(shed()).isEqualTo(1.0);

    first.finish().countDown();
    assertThat(first.answer().get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(file(admission, () -> { }).getStatus()).as("the finished claim freed its turn").isEqualTo(200);
    assertThat(filed).hasValue(2);
  }

  @Test
  void aClaimWaitsInTheQueueForItsTurnAndOneMoreThanTheQueueHoldsIsRefusedAtOnce() throws Exception {
    IntakeAdmission admission = admission(1, 1, Duration.ofSeconds(60), Duration.ofSeconds(1));
    FilingClaim first = filingClaim(admission);
    CompletableFuture<MockHttpServletResponse> queued = CompletableFuture.supplyAsync(() -> file(admission, () -> { }));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> meters.get("claimdesk.intake.queued").gauge().value() == 1);

    MockHttpServletResponse refused = file(admission, () -> { });

    assertThat(refused.getStatus()).as("the queue holds one claim, and it is taken").isEqualTo(503);
    assertThat(queued).isNotDone();
    assertThat(filed).hasValue(1);
    first.finish().countDown();
    assertThat(first.answer().get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(queued.get(10, TimeUnit.SECONDS).getStatus()).as("the queued claim got its turn").isEqualTo(200);
    assertThat(filed).hasValue(2);
    assertThat(shed()).isEqualTo(1.0);
    assertThat(meters.get("claimdesk.intake.filing").gauge().value()).isZero();
  }

  @Test
  void aClaimThatFailsFreesItsTurn() {
    IntakeAdmission admission = admission(1, Duration.ofSeconds(1));

    assertThat(CompletableFuture.runAsync(() -> file(admission, () -> {
      throw new IllegalStateException("the intake failed");
    })).handle((ok, failure) -> failure)).succeedsWithin(Duration.ofSeconds(10)).isNotNull();

    MockHttpServletResponse next = file(admission, () -> { });
    assertThat(next.getStatus()).isEqualTo(200);
    assertThat(filed).hasValue(2);
    assertThat(shed()).isZero();
  }

  @Test
  void onlyPostsAreCounted() throws Exception {
    IntakeAdmission admission = admission(1, Duration.ofSeconds(1));
    FilingClaim first = filingClaim(admission);

    MockHttpServletRequest page = new MockHttpServletRequest("GET", "/claims/refund");
    MockHttpServletResponse response = new MockHttpServletResponse();
    admission.doFilter(page, response, (req, res) -> filed.incrementAndGet());

    assertThat(response.getStatus()).isEqualTo(200);
    first.finish().countDown();
    first.answer().get(10, TimeUnit.SECONDS);
  }

  @Test
  void byDefaultTheNodeFilesCoresPlusOneClaimsAtOnceAndQueuesAsMany() {
    IntakeAdmissionProperties byDefault = new IntakeAdmissionProperties(true, 0, 0, Duration.ofSeconds(2), Duration.ofSeconds(1));
    IntakeAdmissionProperties chosen = new IntakeAdmissionProperties(true, 5, 7, Duration.ofSeconds(2), Duration.ofSeconds(1));

    assertThat(byDefault.concurrentClaims()).isEqualTo(Runtime.getRuntime().availableProcessors() + 1);
    assertThat(byDefault.queuedClaims()).isEqualTo(byDefault.concurrentClaims());
    assertThat(chosen.concurrentClaims()).isEqualTo(5);
    assertThat(chosen.queuedClaims()).isEqualTo(7);
  }

  /** A claim being filed until {@code finish} is counted down; its answer comes after. */
  private record FilingClaim(CountDownLatch finish, CompletableFuture<MockHttpServletResponse> answer) {
  }

  /** Starts a claim that holds its turn; answers once it is being filed. */
  private FilingClaim filingClaim(IntakeAdmission admission) throws InterruptedException {
    CountDownLatch filing = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<MockHttpServletResponse> answer = CompletableFuture.supplyAsync(() -> file(admission, () -> {
      filing.countDown();
      await(finish);
    }));
    assertThat(filing.await(10, TimeUnit.SECONDS)).isTrue();
    return new FilingClaim(finish, answer);
  }

  private MockHttpServletResponse file(IntakeAdmission admission, Runnable intake) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/refund-requests");
    MockHttpServletResponse response = new MockHttpServletResponse();
    try {
      admission.doFilter(request, response, (req, res) -> {
        filed.incrementAndGet();
        intake.run();
      });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return response;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
