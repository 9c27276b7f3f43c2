package org.claimdesk.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What PostgreSQL's planner must know about the engine's authorizations for Tasklist to stay fast
 * with a large backlog (docs/benchmark.md, "Tasklist").
 *
 * <p>Every task offered to a group carries an authorization of its own, so a queue of 100,000
 * tasks has 100,000 authorizations. The engine's task query keeps the ones that grant reading
 * ({@code PERMS_ & 2 = 2} on tasks, {@code PERMS_ & 64 = 64} on process definitions); without
 * statistics on those expressions the planner guesses that 0.5% of the rows match, joins the tasks
 * to a scan of all of them, and the query grows with the square of the backlog (20,000 tasks: 28 s).
 * With extended statistics on the two expressions it looks each task's authorizations up in the
 * resource index instead (20,000 tasks: 0.3 s). Created once, on PostgreSQL only, under the
 * startup lock; then analysed so the planner has them at once.
 */
@Component
class PlannerStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);

  /** Name and expression of each statistics object on ACT_RU_AUTHORIZATION. */
  static final List<String[]> AUTHORIZATION_EXPRESSIONS = List.of(
      new String[] {"claimdesk_auth_read_stx", "(perms_ & 2)"},
      new String[] {"claimdesk_auth_read_task_stx", "(perms_ & 64)"});

  private final DataSource dataSource;
  private final JdbcClient jdbc;

  PlannerStatistics(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  void ensure() {
    if (!onPostgres()) {
      return;
    }
    boolean created = false;
    for (String[] statistics : AUTHORIZATION_EXPRESSIONS) {
      boolean exists = jdbc.sql("SELECT count(*) FROM pg_statistic_ext WHERE stxname = ?")
          .param(statistics[0]).query(Long.class).single() > 0;
      if (!exists) {
        jdbc.sql("CREATE STATISTICS IF NOT EXISTS " + statistics[0] + " ON " + statistics[1]
            + " FROM act_ru_authorization").update();
        created = true;
      }
    }
    if (created) {
      jdbc.sql("ANALYZE act_ru_authorization").update();
      LOG.info("Created the planner statistics on the engine's authorizations (docs/benchmark.md)");
    }
  }

  private boolean onPostgres() {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell which database this is", e);
    }
  }
}
