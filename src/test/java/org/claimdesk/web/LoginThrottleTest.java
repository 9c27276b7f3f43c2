package org.claimdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The login throttle's counting: per client, a temporary lock, the lock ending by itself, the metrics. */
class LoginThrottleTest {

  private final MovableClock clock = new MovableClock();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LoginThrottleProperties limits = defaults();
  private final LoginThrottle throttle = new LoginThrottle(limits, new ObjectMapper(), meters, clock);
  private final AtomicInteger checked = new AtomicInteger();

  @Test
  @DisplayName("the defaults: 10 failures in 10 minutes lock the address for 15 minutes")
  void theDefaults() {
    assertThat(limits.maxFailures()).isEqualTo(10);
    assertThat(limits.window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(limits.lock()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  @DisplayName("the tenth failure locks: the next attempt is 429 with Retry-After and reaches no password check")
  void lockAfterMaxFailures() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(basic("203.0.113.7", 401).getStatus()).isEqualTo(401);
    }
    MockHttpServletResponse refused = basic("203.0.113.7", 200);

    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("900");
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(checked).hasValue(10);
    assertThat(meters.counter(LoginThrottle.LOCKOUTS, "channel", "api").count()).isEqualTo(1);
    assertThat(meters.counter(LoginThrottle.FAILURES, "channel", "api").count()).isEqualTo(10);
  }

  @Test
  @DisplayName("the lock is temporary: after it, the address logs in again")
  void lockEnds() throws Exception {
    for (int i = 0; i < 10; i++) {
      basic("203.0.113.7", 401);
    }
    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    MockHttpServletResponse stillLocked = basic("203.0.113.7", 200);
    clock.advance(Duration.ofSeconds(1));

    assertThat(stillLocked.getStatus()).isEqualTo(429);
    assertThat(stillLocked.getHeader("Retry-After")).isEqualTo("1");
    assertThat(basic("203.0.113.7", 200).getStatus()).isEqualTo(200);
  }

  @Test
  @DisplayName("failures older than the window do not count; other addresses and IPv6 /64s are counted apart")
  void windowAndClients() throws Exception {
    for (int i = 0; i < 9; i++) {
      basic("203.0.113.7", 401);
    }
    clock.advance(Duration.ofMinutes(10));
    basic("203.0.113.7", 401);
    assertThat(basic("203.0.113.7", 200).getStatus()).as("a new window started").isEqualTo(200);

    for (int i = 0; i < 10; i++) {
      basic("2001:db8:1:2::" + (i + 1), 401);
    }
    assertThat(basic("2001:db8:1:2::ff", 200).getStatus()).as("the same /64").isEqualTo(429);
    assertThat(basic("2001:db8:1:3::1", 200).getStatus()).as("another /64").isEqualTo(200);
    assertThat(basic("198.51.100.20", 200).getStatus()).isEqualTo(200);
  }

  @Test
  @DisplayName("which requests are logins: Basic anywhere (by channel), the webapps' login POST; not anonymous calls")
  void channels() {
    assertThat(LoginThrottle.channel(request("GET", "/engine-rest/task", "Basic eDp5"))).isEqualTo("engine-rest");
    assertThat(LoginThrottle.channel(request("GET", "/actuator/prometheus", "basic eDp5"))).isEqualTo("actuator");
    assertThat(LoginThrottle.channel(request("GET", "/api/orders/x", "Basic eDp5"))).isEqualTo("api");
    assertThat(LoginThrottle.channel(request("POST", "/camunda/api/admin/auth/user/default/login/cockpit", null)))
        .isEqualTo("webapp");
    assertThat(LoginThrottle.channel(request("GET", "/api/cases/CD-1", null))).isNull();
    assertThat(LoginThrottle.channel(request("GET", "/api/orders/x", "Bearer abc"))).isNull();
  }

  private MockHttpServletResponse basic(String address, int answer) throws Exception {
    MockHttpServletRequest request = request("GET", "/api/orders/x", "Basic eDp5");
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    throttle.doFilter(request, response, (req, res) -> {
      checked.incrementAndGet();
      ((MockHttpServletResponse) res).setStatus(answer);
    });
    return response;
  }

  private static MockHttpServletRequest request(String method, String path, String authorization) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    return request;
  }

  private static LoginThrottleProperties defaults() {
    return new Binder(new MapConfigurationPropertySource())
        .bindOrCreate("claimdesk.web.login-throttle", Bindable.of(LoginThrottleProperties.class));
  }

  private static final class MovableClock extends Clock {

    private Instant now = Instant.parse("2026-12-06T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
