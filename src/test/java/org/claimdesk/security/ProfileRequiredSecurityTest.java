package org.claimdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.claimdesk.ClaimdeskApplication;
import org.claimdesk.engine.ProfileGuard;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue #20, point 6: the default profile failed open. A production start that forgot its profile
 * came up as the demo, with the published demo passwords and case token secret. The demo must be
 * chosen explicitly; without a profile the application refuses to start, with a clear message.
 */
class ProfileRequiredSecurityTest {

  @TempDir
  Path dataDirectory;

  @Test
  @DisplayName("a start without any profile is refused before anything is built, with what to choose")
  void startWithoutProfileIsRefused() {
    assertThatThrownBy(() -> start(new SpringApplicationBuilder(ClaimdeskApplication.class)).close())
        .isInstanceOf(ProfileGuard.NoProfileChosenException.class)
        .hasMessageContaining("No profile chosen")
        .hasMessageContaining("does not fall back to the demo");
    // nothing was created: the demo's file database was never opened
    assertThat(dataDirectory.toFile().list()).isEmpty();
  }

  @Test
  @DisplayName("a profile that is neither demo nor postgres (a typo) is refused too")
  void unknownProfileAloneIsRefused() {
    assertThatThrownBy(() -> start(new SpringApplicationBuilder(ClaimdeskApplication.class).profiles("prod")).close())
        .isInstanceOf(ProfileGuard.NoProfileChosenException.class)
        .hasMessageContaining("active profiles: prod");
  }

  @Test
  @DisplayName("the demo together with production is refused: the published secrets never run beside production")
  void demoWithProductionIsRefused() {
    assertThatThrownBy(() -> start(new SpringApplicationBuilder(ClaimdeskApplication.class)
        .profiles("postgres", "demo")).close())
        .isInstanceOf(ProfileGuard.NoProfileChosenException.class)
        .hasMessageContaining("Both the demo and the postgres profile");
  }

  @Test
  @DisplayName("the failure report tells the operator both choices")
  void failureReportNamesTheChoices() {
    RuntimeException refusal = new RuntimeException(catchRefusal());
    FailureAnalysis analysis = new ProfileGuard.Analyzer().analyze(refusal);
    assertThat(analysis.getAction())
        .contains("--spring.profiles.active=postgres")
        .contains("--spring.profiles.active=demo");
  }

  private Throwable catchRefusal() {
    try {
      start(new SpringApplicationBuilder(ClaimdeskApplication.class)).close();
      throw new AssertionError("the start without a profile was not refused");
    } catch (ProfileGuard.NoProfileChosenException refused) {
      return refused;
    }
  }

  private ConfigurableApplicationContext start(SpringApplicationBuilder builder) {
    return builder.run(
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("claimdesk"),
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.webapp.enabled=false",
        "--claimdesk.deployment.locations=classpath*:deployer/processes/*.bpmn,"
            + "classpath*:deployer/processes/*.dmn,classpath*:deployer/forms/*.form");
  }
}
