package org.claimdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.claimdesk.ClaimdeskApplication;
import org.claimdesk.testsupport.PostgresAvailableCondition;
import org.claimdesk.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The production profile ({@code postgres}) on a database of its own, configured only through
 * the environment variables the README names: it refuses demo passwords and a demo or short
 * case token secret, creates groups, rights and filters but no demo users, and a restart with
 * unchanged models creates no version.
 */
@Tag("postgres")
@ExtendWith(PostgresAvailableCondition.class)
class ProductionProfileIT {

  private static final String DATABASE = "claimdesk_production_it";
  private static final String STRONG_PASSWORD = "correct-horse-" + System.nanoTime();
  private static final String STRONG_TOKEN_SECRET = "battery-staple-case-token-secret-" + System.nanoTime();

  private static String databaseUrl;

  @BeforeAll
  static void createEmptyDatabase() throws Exception {
    databaseUrl = PostgresTestDatabase.recreateDatabase(DATABASE);
  }

  @Test
  @DisplayName("postgres profile: refuses demo passwords and weak case token secrets, starts with real ones, restarts without new versions")
  void productionProfileLifecycle() throws Exception {
    assertThatThrownBy(() -> start("demo"))
        .extracting(NestedExceptionUtils::getMostSpecificCause).asString()
        .contains("CLAIMDESK_ADMIN_PASSWORD is a demo password");
    assertThatThrownBy(() -> start(STRONG_PASSWORD, DemoPasswordGuard.demoValue(DemoPasswordGuard.TOKEN_SECRET)))
        .extracting(NestedExceptionUtils::getMostSpecificCause).asString()
        .contains("CLAIMDESK_CASE_TOKEN_SECRET is the demo secret");
    assertThatThrownBy(() -> start(STRONG_PASSWORD, "x".repeat(31)))
        .extracting(NestedExceptionUtils::getMostSpecificCause).asString()
        .contains("CLAIMDESK_CASE_TOKEN_SECRET is shorter than 32 characters");
    assertThat(countRows("SELECT count(*) FROM information_schema.tables WHERE table_name = 'act_id_user'"))
        .as("the refused starts wrote no engine table, so no user with the demo password").isZero();

    Map<String, Integer> versionsAtFirstStart;
    try (ConfigurableApplicationContext app = start(STRONG_PASSWORD)) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("root");
      assertThat(identity.checkPassword("root", STRONG_PASSWORD)).isTrue();
      assertThat(identity.createGroupQuery().list()).extracting(g -> g.getId())
          .containsAll(ClaimdeskGroups.STAFF_AND_SYSTEMS);
      assertThat(app.getBean(FilterService.class).createFilterQuery().list()).extracting(f -> f.getName())
          .containsExactlyInAnyOrder(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUP_QUEUE,
              TasklistFilters.DUE_WITHIN_24H, TasklistFilters.ESCALATED);
      versionsAtFirstStart = versions(app.getBean(RepositoryService.class));
      assertThat(versionsAtFirstStart).containsEntry("fixture-claim", 1);
    }

    try (ConfigurableApplicationContext app = start(STRONG_PASSWORD)) {
      RepositoryService repository = app.getBean(RepositoryService.class);
      assertThat(versions(repository)).isEqualTo(versionsAtFirstStart);
      assertThat(repository.createDeploymentQuery().count()).isEqualTo(2);
      assertThat(app.getBean(FilterService.class).createFilterQuery().count()).isEqualTo(4);
      // somebody gives a user a demo password while the application runs ...
      IdentityService identity = app.getBean(IdentityService.class);
      var careless = identity.newUser("careless");
      careless.setPassword("demo");
      identity.saveUser(careless);
    }

    // ... and the next start refuses, naming the user
    assertThatThrownBy(() -> start(STRONG_PASSWORD))
        .extracting(NestedExceptionUtils::getMostSpecificCause).asString()
        .contains("[careless] have a demo password");
  }

  private static long countRows(String sql) throws Exception {
    try (Connection connection = java.sql.DriverManager.getConnection(databaseUrl, PostgresTestDatabase.USER,
        PostgresTestDatabase.PASSWORD); Statement statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Map<String, Integer> versions(RepositoryService repository) {
    Map<String, Integer> versions = new TreeMap<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      versions.put(definition.getKey(), definition.getVersion());
    }
    repository.createDecisionDefinitionQuery().latestVersion().list()
        .forEach(decision -> versions.put(decision.getKey(), decision.getVersion()));
    return versions;
  }

  private static ConfigurableApplicationContext start(String adminPassword) {
    return start(adminPassword, STRONG_TOKEN_SECRET);
  }

  private static ConfigurableApplicationContext start(String adminPassword, String caseTokenSecret) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        // the engine in the shared integration-test context is "default"; keep this one apart
        "--camunda.bpm.process-engine-name=production-it",
        "--camunda.bpm.job-execution.enabled=false",
        // nothing here needs the webapps, and they keep static state in the JVM (see the pom's failsafe executions)
        "--camunda.bpm.webapp.enabled=false",
        "--claimdesk.deployment.locations=classpath*:deployer/processes/*.bpmn,"
            + "classpath*:deployer/processes/*.dmn,classpath*:deployer/forms/fixture-review.form",
        "--CLAIMDESK_DB_URL=" + databaseUrl,
        "--CLAIMDESK_DB_USER=" + PostgresTestDatabase.USER,
        "--CLAIMDESK_DB_PASSWORD=" + PostgresTestDatabase.PASSWORD,
        "--CLAIMDESK_ADMIN_USER=root",
        "--CLAIMDESK_ADMIN_PASSWORD=" + adminPassword,
        "--CLAIMDESK_CASE_TOKEN_SECRET=" + caseTokenSecret,
        "--CLAIMDESK_PAYMENT_PROCESSOR=sandbox"));
    return new SpringApplicationBuilder(ClaimdeskApplication.class)
        .profiles("postgres")
        .run(args.toArray(String[]::new));
  }
}
