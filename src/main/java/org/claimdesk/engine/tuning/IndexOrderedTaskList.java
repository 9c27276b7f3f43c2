package org.claimdesk.engine.tuning;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Lists tasks on PostgreSQL so that a first page costs the page, not the queue: with 100,000 open
 * tasks Tasklist's "my group's queue, soonest due first" took 200-350 ms, and now takes a few
 * milliseconds (docs/benchmark.md, "Tasklist").
 *
 * <p>Camunda's task list is {@code select distinct <task> from <task joined to its candidate links,
 * definition and grants> order by ... limit}. PostgreSQL 15 answers a DISTINCT over every column
 * only by sorting or hashing every task that matches, however small the page. The statement in
 * {@code IndexOrderedTaskList.xml} lists the same tasks as {@code select <task> where ID_ in
 * (select ID_ <Camunda's own criteria>) order by ... limit}: no DISTINCT, so PostgreSQL reads the
 * tasks in the order's index ({@link EngineTableTuning} indexes the due date; the engine already
 * indexes the creation time) and checks the criteria task by task until the page is full. Lists
 * ordered by a variable or another table's column run as Camunda's own statement. Tasks that tie on
 * every ordering may come in another order than Camunda's statement gives them, which promises no
 * order among ties either.
 *
 * <p>Installed for this engine only (its MyBatis configuration and its statement mappings), on
 * PostgreSQL only; every other database keeps Camunda's statement.
 */
@Component
class IndexOrderedTaskList extends AbstractProcessEnginePlugin {

  /** The engine's name for its task list, which {@link DbSqlSessionFactory#mapStatement} maps. */
  static final String CAMUNDA_STATEMENT = "selectTaskByQueryCriteria";
  static final String STATEMENT = "org.claimdesk.engine.tuning.IndexOrderedTaskList.selectTaskByQueryCriteriaInIndexOrder";
  private static final String MAPPER = "org/claimdesk/engine/tuning/IndexOrderedTaskList.xml";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      return;
    }
    org.apache.ibatis.session.Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(STATEMENT)) {
      try (InputStream mapper = IndexOrderedTaskList.class.getClassLoader().getResourceAsStream(MAPPER)) {
        if (mapper == null) {
          throw new IllegalStateException("The task list's statement is missing from the class path: " + MAPPER);
        }
        new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read " + MAPPER, e);
      }
    }
    // The engine's mappings for PostgreSQL are a map shared by every engine in the JVM: this
    // engine gets a copy of its own, so an engine without the statement never maps to it.
    DbSqlSessionFactory statements = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings = statements.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(statements.getStatementMappings());
    mappings.put(CAMUNDA_STATEMENT, STATEMENT);
    statements.setStatementMappings(mappings);
  }
}
