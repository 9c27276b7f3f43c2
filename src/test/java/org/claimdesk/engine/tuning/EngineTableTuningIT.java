package org.claimdesk.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the application starts with the statistics and indexes the benchmark showed the
 * engine's tables need ({@link EngineTableTuning}), and making sure of them again (a restart, a
 * second node) changes nothing.
 */
@PostgresIntegrationTest
class EngineTableTuningIT {

  private static final List<String> INDEXES = List.of(EngineTableTuning.LOCKED_JOBS_INDEX,
      EngineTableTuning.JOB_DUE_DATE_INDEX, EngineTableTuning.TASK_DUE_DATE_INDEX);

  @Autowired
  EngineTableTuning tuning;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theEnginesTablesCarryTheirIndexesAndStatisticsOnceEach() {
    List<String> before = tuningObjects();
    assertThat(before).containsAll(INDEXES);
    assertThat(before).containsAll(EngineTableTuning.AUTHORIZATION_EXPRESSIONS.stream().map(s -> s[0]).toList());

    tuning.ensure();

    assertThat(tuningObjects()).as("made sure of again: nothing created twice, nothing lost").isEqualTo(before);
  }

  private List<String> tuningObjects() {
    return jdbc.queryForList("""
        SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'claimdesk\\_%'
        UNION ALL SELECT stxname FROM pg_statistic_ext WHERE stxname LIKE 'claimdesk\\_%'
        ORDER BY 1""", String.class);
  }
}
