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

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Load shedding of claims: while the node files as many claims as it may, the next one is
 * answered 503 problem+json with Retry-After and never reaches the intake; a finished claim
 * frees its turn, also when it failed.
 */
class IntakeAdmissionTest {

  private final ObjectMapper objectMapper = new ObjectMapper();
  private final Counter shed = new SimpleMeterRegistry().counter("claimdesk.intake.shed");
  private final AtomicInteger filed = new AtomicInteger();

  private IntakeAdmission admission(int maxConcurrent, Duration retryAfter) {
    Bulkhead bulkhead = Bulkhead.of("test", BulkheadConfig.custom()
        .maxConcurrentCalls(maxConcurrent).maxWaitDuration(Duration.ZERO).build());
    return new IntakeAdmission(bulkhead, new IntakeAdmissionProperties(true, maxConcurrent, Duration.ZERO, retryAfter),
        objectMapper, shed);
  }

  @Test
  void aClaimBeyondTheClaimsUnderWayIs503WithRetryAfterAndIsNotFiled() throws Exception {
    IntakeAdmission admission = admission(1, Duration.ofSeconds(2));
    CountDownLatch filing = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> file(admission, () -> {
      filing.countDown();
      await(finish);
    }));
    assertThat(filing.await(10, TimeUnit.SECONDS)).isTrue();

    MockHttpServletResponse refused = file(admission, () -> { });

    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = objectMapper.readTree(refused.getContentAsString());
    assertThat(problem.path("status").asInt()).isEqualTo(503);
    assertThat(problem.path("detail").asText()).contains("nothing was filed").contains("in 2 seconds");
    assertThat(filed).as("only the first claim reached the intake").hasValue(1);
    assertThat(shed.count()).isEqualTo(1.0);

    finish.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(file(admission, () -> { }).getStatus()).as("the finished claim freed its turn").isEqualTo(200);
    assertThat(filed).hasValue(2);
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
    assertThat(shed.count()).isZero();
  }

  @Test
  void onlyPostsAreCounted() throws Exception {
    IntakeAdmission admission = admission(1, Duration.ofSeconds(1));
    CountDownLatch filing = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> file(admission, () -> {
      filing.countDown();
      await(finish);
    }));
    assertThat(filing.await(10, TimeUnit.SECONDS)).isTrue();

    MockHttpServletRequest page = new MockHttpServletRequest("GET", "/claims/refund");
    MockHttpServletResponse response = new MockHttpServletResponse();
    admission.doFilter(page, response, (req, res) -> filed.incrementAndGet());

    assertThat(response.getStatus()).isEqualTo(200);
    finish.countDown();
    first.get(10, TimeUnit.SECONDS);
  }

  @Test
  void byDefaultTheNodeFilesAsManyClaimsAtOnceAsItHasCoresPlusOne() {
    IntakeAdmissionProperties byDefault = new IntakeAdmissionProperties(true, 0, Duration.ofMillis(20), Duration.ofSeconds(1));
    IntakeAdmissionProperties chosen = new IntakeAdmissionProperties(true, 5, Duration.ofMillis(20), Duration.ofSeconds(1));

    assertThat(byDefault.concurrentClaims()).isEqualTo(Runtime.getRuntime().availableProcessors() + 1);
    assertThat(chosen.concurrentClaims()).isEqualTo(5);
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
