package org.claimdesk.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The case token secret rules of the postgres profile; {@code ProductionProfileIT} checks them on a real start. */
class DemoPasswordGuardTest {

  @Test
  void aLongRandomSecretPasses() {
    assertThatCode(() -> guard("k9Qv2m7T-production-secret-0123456789").checkCaseTokenSecret())
        .doesNotThrowAnyException();
  }

  @Test
  void theDemoSecretIsRefused() {
    String demo = DemoPasswordGuard.demoValue(DemoPasswordGuard.TOKEN_SECRET);

    assertThatThrownBy(() -> guard(demo).checkCaseTokenSecret())
        .hasMessageContaining("CLAIMDESK_CASE_TOKEN_SECRET is the demo secret");
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> guard("x".repeat(31)).checkCaseTokenSecret())
        .hasMessageContaining("shorter than 32 characters");
  }

  @Test
  void aMissingOrUnresolvedSecretIsRefused() {
    assertThatThrownBy(() -> new DemoPasswordGuard(new MockEnvironment()).checkCaseTokenSecret())
        .hasMessageContaining("CLAIMDESK_CASE_TOKEN_SECRET is not set");
    assertThatThrownBy(() -> guard("${CLAIMDESK_CASE_TOKEN_SECRET}").checkCaseTokenSecret())
        .hasMessageContaining("CLAIMDESK_CASE_TOKEN_SECRET is not set");
    assertThatThrownBy(() -> guard("   ").checkCaseTokenSecret())
        .hasMessageContaining("CLAIMDESK_CASE_TOKEN_SECRET is not set");
  }

  private static DemoPasswordGuard guard(String secret) {
    return new DemoPasswordGuard(new MockEnvironment().withProperty(DemoPasswordGuard.TOKEN_SECRET, secret));
  }
}
