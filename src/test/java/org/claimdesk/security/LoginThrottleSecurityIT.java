package org.claimdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpCookie;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.claimdesk.testsupport.RawHttp;
import org.claimdesk.web.LoginThrottleProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issue #20, point 4: ten failed HTTP Basic logins locked any account for good, the administrator
 * and the shop's service account included. Now failures are counted per client address and lock
 * that address for a while (429 with Retry-After), on every way in; the accounts stay usable from
 * anywhere else, and each lock counts in {@code claimdesk.login.lockouts}.
 *
 * <p>The attacker plays from other loopback addresses (127.0.0.0/8) than the other tests (127.0.0.1).
 */
@PostgresIntegrationTest
class LoginThrottleSecurityIT {

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Autowired
  LoginThrottleProperties limits;
  @Autowired
  MeterRegistry meters;

  static Stream<Arguments> waysIn() {
    return Stream.of(
        Arguments.of("127.0.0.21", "api", "admin", "GET", "/api/wallets/cus-marie"),
        Arguments.of("127.0.0.22", "api", "shop", "GET", "/api/orders/ord-none"),
        Arguments.of("127.0.0.23", "engine-rest", "admin", "GET", "/engine-rest/process-definition"),
        Arguments.of("127.0.0.24", "actuator", "mia", "GET", "/actuator/prometheus"));
  }

  @ParameterizedTest(name = "{1} {4} as {2}")
  @MethodSource("waysIn")
  @DisplayName("failing a password locks the address for a while (429, Retry-After), not the account")
  void failuresLockTheAddressNotTheAccount(String attacker, String channel, String user, String method, String path)
      throws IOException {
    RawHttp from = new RawHttp(attacker, port);
    double lockoutsBefore = lockouts(channel);

    for (int i = 0; i < limits.maxFailures(); i++) {
      RawHttp.Answer failed = from.send(method, path, null, "Authorization", RawHttp.basic(user, "wrong-" + i));
      assertThat(failed.status()).as("failure %d", i + 1).isEqualTo(401);
    }
    RawHttp.Answer locked = from.send(method, path, null, "Authorization", RawHttp.basic(user, "demo"));

    assertThat(locked.status()).as("even the right password, from the locked address").isEqualTo(429);
    assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
    long retryAfter = Long.parseLong(locked.header("Retry-After"));
    assertThat(retryAfter).isPositive().isLessThanOrEqualTo(limits.lock().toSeconds());
    assertThat(lockouts(channel)).isEqualTo(lockoutsBefore + 1);
    assertThat(identityService.checkPassword(user, "demo")).as("the account is not locked").isTrue();
    assertThat(rest.withBasicAuth(user, "demo").getForEntity(path, String.class).getStatusCode().value())
        .as("the account works from another address").isNotIn(401, 429);
  }

  @Test
  @DisplayName("the webapps' login form: failures from one address lock its logins, the user logs in from elsewhere")
  void webappLoginIsThrottled() throws IOException {
    RawHttp from = new RawHttp("127.0.0.25", port);
    double lockoutsBefore = lockouts("webapp");

    for (int i = 0; i < limits.maxFailures(); i++) {
      assertThat(webappLogin(from, "admin", "wrong-" + i)).as("failure %d", i + 1).isEqualTo(401);
    }

    assertThat(webappLogin(from, "admin", "demo")).isEqualTo(429);
    assertThat(lockouts("webapp")).isEqualTo(lockoutsBefore + 1);
    assertThat(webappLogin(new RawHttp("127.0.0.26", port), "admin", "demo")).isEqualTo(200);
  }

  @Test
  @DisplayName("Camunda's own locks are off: many failed checks, then the right password works at once")
  void noAccountLockInTheEngine() {
    for (int i = 0; i < 15; i++) {
      assertThat(identityService.checkPassword("shop", "wrong-" + i)).isFalse();
    }
    assertThat(identityService.checkPassword("shop", "demo")).isTrue();
  }

  private int webappLogin(RawHttp from, String user, String password) throws IOException {
    RawHttp.Answer page = from.send("GET", "/camunda/app/tasklist/default/", null);
    List<HttpCookie> cookies = page.headers().getOrDefault("set-cookie", List.of()).stream()
        .flatMap(header -> HttpCookie.parse(header).stream()).toList();
    String csrf = cookies.stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    String cookieHeader = String.join("; ", cookies.stream().map(c -> c.getName() + "=" + c.getValue()).toList());
    return from.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + user + "&password=" + password,
        "Content-Type", "application/x-www-form-urlencoded", "X-XSRF-TOKEN", csrf, "Cookie", cookieHeader).status();
  }

  private double lockouts(String channel) {
    var counter = meters.find("claimdesk.login.lockouts").tag("channel", channel).counter();
    return counter == null ? 0 : counter.count();
  }
}
