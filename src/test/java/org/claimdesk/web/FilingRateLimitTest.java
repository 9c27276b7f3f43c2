package org.claimdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.bucket4j.TimeMeter;

/**
 * The limits on filing claims and on case requests: per client, 429 problem+json with
 * Retry-After, refilled over the period.
 */
class FilingRateLimitTest {

  private final ObjectMapper objectMapper = new ObjectMapper();
  private final ManualTime time = new ManualTime();
  private final FilingRateLimit filter = new FilingRateLimit(
      new FilingLimitProperties(true, 3, Duration.ofMinutes(10), 1000), objectMapper, time);
  private final AtomicInteger passed = new AtomicInteger();

  @Test
  void aClientFilesUpToTheLimitThenGets429WithRetryAfter() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(file("203.0.113.7").getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = file("203.0.113.7");

    assertThat(passed).hasValue(3);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    // 3 claims per 10 minutes refill one every 200 seconds.
    assertThat(refused.getHeader("Retry-After")).isEqualTo("200");
    JsonNode problem = objectMapper.readTree(refused.getContentAsString());
    assertThat(problem.path("status").asInt()).isEqualTo(429);
    assertThat(problem.path("detail").asText()).contains("try again in 200 seconds");
  }

  @Test
  void eachClientHasItsOwnBucket() throws Exception {
    for (int i = 0; i < 3; i++) {
      file("203.0.113.7");
    }
    assertThat(file("203.0.113.7").getStatus()).isEqualTo(429);
    assertThat(file("198.51.100.20").getStatus()).isEqualTo(200);
  }

  @Test
  void theBucketRefillsOverThePeriod() throws Exception {
    for (int i = 0; i < 3; i++) {
      file("203.0.113.7");
    }
    time.advance(Duration.ofSeconds(199));
    assertThat(file("203.0.113.7").getStatus()).isEqualTo(429);
    time.advance(Duration.ofSeconds(1));
    assertThat(file("203.0.113.7").getStatus()).isEqualTo(200);
    assertThat(file("203.0.113.7").getStatus()).isEqualTo(429);
  }

  @Test
  void onlyPostsCount() throws Exception {
    for (int i = 0; i < 10; i++) {
      MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/refund-requests");
      read.setRemoteAddr("203.0.113.7");
      filter.doFilter(read, new MockHttpServletResponse(), (request, response) -> passed.incrementAndGet());
    }
    assertThat(passed).hasValue(10);
    assertThat(file("203.0.113.7").getStatus()).isEqualTo(200);
  }

  @Test
  void onACaseEveryMethodCountsAndIPv6CountsBySlash64() throws Exception {
    FilingRateLimit caseLimit = new FilingRateLimit(
        new CaseLimitProperties(true, 3, Duration.ofMinutes(10), 1000), objectMapper, time);
    String[][] requests = {
        {"GET", "/api/cases/CD-1"}, {"POST", "/api/cases/CD-1/feedback"}, {"GET", "/api/cases/CD-1/documents/x"}};
    for (String[] call : requests) {
      MockHttpServletRequest request = new MockHttpServletRequest(call[0], call[1]);
      request.setRemoteAddr("2001:db8:1:2::1");
      caseLimit.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.incrementAndGet());
    }
    // Another address of the same /64 shares the bucket: a guesser cannot rotate addresses in it.
    MockHttpServletRequest guess = new MockHttpServletRequest("GET", "/cases/CD-2");
    guess.setRemoteAddr("2001:db8:1:2:ffff::9");
    MockHttpServletResponse refused = new MockHttpServletResponse();
    caseLimit.doFilter(guess, refused, (req, res) -> passed.incrementAndGet());

    assertThat(passed).hasValue(3);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("200");
    assertThat(objectMapper.readTree(refused.getContentAsString()).path("detail").asText())
        .contains("Too many requests on cases");
  }

  private MockHttpServletResponse file(String client) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/refund-requests");
    request.setRemoteAddr(client);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (req, res) -> passed.incrementAndGet());
    return response;
  }

  /** The buckets' clock, moved by the test. */
  private static final class ManualTime implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong();

    void advance(Duration duration) {
      nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
      return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }
}
