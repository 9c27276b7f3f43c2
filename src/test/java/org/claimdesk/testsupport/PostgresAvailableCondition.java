package org.claimdesk.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.PreconditionViolationException;

/**
 * Runs a test class only when the PostgreSQL test database is reachable. Without it, a
 * developer's run skips the integration suite with a loud message; with {@code CI=true} the
 * suite must run, so a missing database fails the build.
 */
public class PostgresAvailableCondition implements ExecutionCondition {

  private static boolean warned;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (PostgresTestDatabase.ensureReady()) {
      return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + PostgresTestDatabase.URL);
    }
    String reason = "PostgreSQL is not reachable at " + PostgresTestDatabase.URL + " as "
        + PostgresTestDatabase.USER + ": " + PostgresTestDatabase.unreachableReason();
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new PreconditionViolationException(reason + " (CI=true: the PostgreSQL suite must run)");
    }
    warnOnce(reason);
    return ConditionEvaluationResult.disabled("SKIPPED, " + reason);
  }

  private static synchronized void warnOnce(String reason) {
    if (warned) {
      return;
    }
    warned = true;
    String line = "!".repeat(100);
    System.err.println(line);
    System.err.println("!! THE POSTGRESQL INTEGRATION SUITE IS SKIPPED");
    System.err.println("!! " + reason);
    System.err.println("!! Start it (see README) or set CLAIMDESK_TEST_DB_URL; with CI=true this fails the build.");
    System.err.println(line);
  }
}
