package org.claimdesk.engine;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The application starts only when its profile was chosen: {@code demo} (the embedded demo, with
 * published passwords and token secret) or {@code postgres} (production). A start that forgets its
 * profile used to come up as the demo, with the published secrets; now it stops before anything is
 * built, with a message saying what to choose. Runs after the config files were read (so a profile
 * activated in a file or by {@code SpringApplicationBuilder.profiles} counts).
 */
public class ProfileGuard implements EnvironmentPostProcessor, Ordered {

  static final String DEMO = "demo";
  static final String PRODUCTION = "postgres";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    check(Arrays.asList(environment.getActiveProfiles()));
  }

  /** Refuses no profile, and the demo together with production. */
  static void check(List<String> activeProfiles) {
    boolean demo = activeProfiles.contains(DEMO);
    boolean production = activeProfiles.contains(PRODUCTION);
    if (!demo && !production) {
      throw new NoProfileChosenException("No profile chosen (active profiles: "
          + (activeProfiles.isEmpty() ? "none" : String.join(", ", activeProfiles))
          + "). Claimdesk does not fall back to the demo.");
    }
    if (demo && production) {
      throw new NoProfileChosenException("Both the demo and the postgres profile are active: the demo's published"
          + " passwords and token secret must never run in production.");
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Why the start was refused. */
  public static class NoProfileChosenException extends IllegalStateException {
    NoProfileChosenException(String message) {
      super(message);
    }
  }

  /** Prints the refusal as Spring Boot's "APPLICATION FAILED TO START" report, with what to do. */
  public static class Analyzer extends AbstractFailureAnalyzer<NoProfileChosenException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoProfileChosenException cause) {
      return new FailureAnalysis(cause.getMessage(),
          "Choose exactly one profile: --spring.profiles.active=postgres for production (settings from the"
              + " environment, README \"Production\"), or --spring.profiles.active=demo for the embedded demo"
              + " (mvn spring-boot:run -Dspring-boot.run.profiles=demo).", cause);
    }
  }
}
