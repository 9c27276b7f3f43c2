package org.claimdesk.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's lists joined to the authorizations are planned with their parameters at every run
 * on PostgreSQL ({@link AuthorizationQueryPlans}): however often Tasklist's query runs on a
 * connection, it never becomes a server-side prepared statement (whose generic plan PostgreSQL may
 * choose), while other statements still do.
 */
@PostgresIntegrationTest
class AuthorizationQueryPlansIT {

  private static final int RUNS = 12;

  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TransactionTemplate transactions;

  @Test
  void tasklistsQueryIsNeverServerPreparedWhileOtherStatementsAre() {
    List<String> prepared = transactions.execute(status -> {
      // one transaction: every command and query below runs on the same connection
      identityService.setAuthentication("anna", List.of("support"));
      try {
        for (int run = 0; run < RUNS; run++) {
          taskService.createTaskQuery().taskCandidateGroup("support").orderByDueDate().asc().listPage(0, 15);
          jdbc.queryForObject("SELECT count(*) FROM act_ru_task WHERE task_def_key_ = ?", Long.class, "Task_ReviewClaim");
        }
      } finally {
        identityService.clearAuthentication();
      }
      return jdbc.queryForList("SELECT statement FROM pg_prepared_statements", String.class);
    });

    assertThat(prepared).as("the plain statement run %d times became a prepared statement", RUNS)
        .anyMatch(statement -> statement.contains("task_def_key_ = $1"));
    assertThat(prepared).as("no list joined to the authorizations is server-prepared (the task list among them)")
        .noneMatch(AuthorizationQueryPlans::joinsAuthorizations)
        // a task list checked against the grants, whatever its shape; the pooled connection may
        // well hold task lists other tests ran without authorization, which join no grants
        .noneMatch(statement -> statement.contains("from ACT_RU_TASK RES") && statement.contains("ACT_RU_AUTHORIZATION"));
  }

  @Test
  void onlyListsJoinedToTheAuthorizationsAreMadeOneShot() {
    assertThat(AuthorizationQueryPlans.joinsAuthorizations("select distinct RES.* from ACT_RU_TASK RES left join\n"
        + "    (\n    SELECT A.*\n    FROM ACT_RU_AUTHORIZATION A\n    WHERE A.TYPE_ < 2 ) AUTH ON (...)")).isTrue();
    assertThat(AuthorizationQueryPlans.joinsAuthorizations("SELECT CASE WHEN EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION"
        + " WHERE TYPE_ = 2 AND RESOURCE_ID_ = ?) THEN 1 ELSE 0 END")).isFalse();
    assertThat(AuthorizationQueryPlans.joinsAuthorizations("select * from ACT_RU_TASK where ID_ = ?")).isFalse();
    assertThat(AuthorizationQueryPlans.joinsAuthorizations(null)).isFalse();
  }
}
