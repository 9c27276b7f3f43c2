package org.claimdesk.engine.tuning;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.postgresql.PGStatement;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's lists with authorization checks (Tasklist's task list, Cockpit's lists, the
 * REST API's queries) planned for their own parameter values on PostgreSQL.
 *
 * <p>The JDBC driver turns a statement run five times on a connection into a server-side prepared
 * statement, and after five more runs PostgreSQL may switch it to one generic plan, made without
 * the parameters. For a query joined to {@code ACT_RU_AUTHORIZATION} that generic plan guesses a
 * couple of matching grants where there is one per open task, and joins every task to every grant:
 * with 20,000 open tasks Tasklist's first page took 21 s instead of 0.4 s, growing with the square
 * of the backlog (docs/benchmark.md, "Tasklist"). So those statements, and only those, run as
 * one-shot statements (the driver's prepare threshold 0 for that statement), which PostgreSQL plans
 * with the values given; every other statement, the checks of a single resource among them, keeps
 * its cached plan. Planning every statement
 * instead ({@code plan_cache_mode=force_custom_plan}) cost a quarter of the refund path's
 * throughput in the benchmark.
 */
@Component
class AuthorizationQueryPlans extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    org.apache.ibatis.session.Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (mybatis.getInterceptors().stream().noneMatch(OneShotAuthorizationQueries.class::isInstance)) {
      mybatis.addInterceptor(new OneShotAuthorizationQueries());
    }
  }

  /**
   * Whether a statement's SQL joins the authorizations to the rows it lists (the engine's
   * {@code authCheckJoin}: {@code join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE ...) AUTH ON
   * ...}). The checks of one resource ({@code EXISTS (SELECT ... FROM ACT_RU_AUTHORIZATION ...)}) look
   * up a few rows by index whatever the plan, and keep their cached plans.
   */
  static boolean joinsAuthorizations(String sql) {
    if (sql == null || !sql.toUpperCase(Locale.ROOT).contains("ACT_RU_AUTHORIZATION")) {
      return false;
    }
    String flat = sql.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    return flat.contains("( SELECT A.* FROM ") && flat.contains("ACT_RU_AUTHORIZATION A WHERE");
  }

  /** Makes a PostgreSQL statement of such SQL one-shot: planned with its parameters at every run. */
  static void planEveryRun(Statement statement, String sql) throws SQLException {
    if (joinsAuthorizations(sql) && statement.isWrapperFor(PGStatement.class)) {
      statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
  }

  /** The MyBatis plugin: sees each statement the engine prepares, with its SQL. */
  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class OneShotAuthorizationQueries implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Statement statement = (Statement) invocation.proceed();
      planEveryRun(statement, ((StatementHandler) invocation.getTarget()).getBoundSql().getSql());
      return statement;
    }

    @Override
    public void setProperties(Properties properties) {
      // none
    }
  }
}
