package org.claimdesk.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine history level {@code claimdesk}: what it keeps and leaves out, and how a database that
 * ran at level {@code full} moves to it, on a standalone engine over H2.
 */
class ClaimdeskHistoryLevelTest {

  private static final BpmnModelInstance REVIEW = Bpmn.createExecutableProcess("history-level-test")
      .camundaHistoryTimeToLive(1)
      .startEvent()
      .userTask("Task_Review").camundaCandidateGroups("support")
      .endEvent()
      .done();

  @Test
  void keepsInstancesActivitiesTasksAndLastValuesButNotEachChangeOrCandidateLinks() {
    JdbcDataSource dataSource = dataSource("keeps");
    ProcessEngine engine = engine(dataSource, ClaimdeskHistoryLevel.NAME);
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("review.bpmn", REVIEW).deploy();
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("history-level-test",
          Map.of("reviewDecision", "PENDING"));
      engine.getRuntimeService().setVariable(instance.getId(), "reviewDecision", "OFFER");
      String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
      engine.getTaskService().complete(task);

      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      assertThat(count(jdbc, "ACT_HI_PROCINST")).isEqualTo(1);
      assertThat(count(jdbc, "ACT_HI_ACTINST")).isEqualTo(3);
      assertThat(count(jdbc, "ACT_HI_TASKINST")).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT TEXT_ FROM ACT_HI_VARINST WHERE NAME_ = 'reviewDecision'", String.class))
          .isEqualTo("OFFER");
      assertThat(count(jdbc, "ACT_HI_DETAIL")).as("each change of a variable").isZero();
      assertThat(count(jdbc, "ACT_HI_IDENTITYLINK")).as("candidate links").isZero();
      assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'", String.class))
          .isEqualTo(Integer.toString(ClaimdeskHistoryLevel.ID));
    } finally {
      engine.close();
    }
  }

  @Test
  void aDatabaseThatRanAtFullMovesToThisLevelAndOnlyFromFull() {
    JdbcDataSource full = dataSource("from-full");
    engine(full, ProcessEngineConfiguration.HISTORY_FULL).close();

    engine(full, ClaimdeskHistoryLevel.NAME).close();

    assertThat(new JdbcTemplate(full).queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'",
        String.class)).isEqualTo(Integer.toString(ClaimdeskHistoryLevel.ID));

    JdbcDataSource audit = dataSource("from-audit");
    engine(audit, ProcessEngineConfiguration.HISTORY_AUDIT).close();
    assertThatThrownBy(() -> engine(audit, ClaimdeskHistoryLevel.NAME))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("historyLevel mismatch");
  }

  private static long count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  private static JdbcDataSource dataSource(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:history-level-" + name + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    return dataSource;
  }

  private static ProcessEngine engine(JdbcDataSource dataSource, String history) {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("history-level-test-" + System.nanoTime());
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setJobExecutorActivate(false);
    configuration.setDbMetricsReporterActivate(false);
    configuration.setHistory(history);
    configuration.setProcessEnginePlugins(List.of(new HistoryLevelSetup(dataSource)));
    return configuration.buildProcessEngine();
  }
}
