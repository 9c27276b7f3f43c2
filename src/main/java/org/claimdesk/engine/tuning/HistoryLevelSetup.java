package org.claimdesk.engine.tuning;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Registers Claimdesk's history level ({@link ClaimdeskHistoryLevel}, chosen with
 * {@code camunda.bpm.history-level: claimdesk}) and moves a database that earlier versions ran at
 * level {@code full} to it. The engine records its history level in the database and refuses to
 * start with another one; going from {@code full} to this level only means writing fewer rows from
 * now on (nothing written before is touched), so the recorded level is changed, once, before the
 * engine checks it. A database at any other level is left alone, and the engine's check then says
 * what is wrong.
 */
@Component
class HistoryLevelSetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryLevelSetup.class);

  private final DataSource dataSource;

  HistoryLevelSetup(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    configuration.getCustomHistoryLevels().add(new ClaimdeskHistoryLevel());
    if (ClaimdeskHistoryLevel.NAME.equals(configuration.getHistory())) {
      moveFromFull(configuration.getDatabaseTablePrefix());
    }
  }

  /** Records level {@value ClaimdeskHistoryLevel#NAME} where the database says {@code full}. */
  void moveFromFull(String tablePrefix) {
    String prefix = tablePrefix == null ? "" : tablePrefix;
    try (Connection connection = dataSource.getConnection()) {
      if (!propertyTableExists(connection)) {
        return;
      }
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + prefix + "ACT_GE_PROPERTY"
          + " SET VALUE_ = ? WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
        update.setString(1, Integer.toString(ClaimdeskHistoryLevel.ID));
        update.setString(2, Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
        if (update.executeUpdate() > 0) {
          if (!connection.getAutoCommit()) {
            connection.commit();
          }
          LOG.info("Engine history moved from level full to level {} (docs/benchmark.md)", ClaimdeskHistoryLevel.NAME);
        }
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot read or set the engine's history level", e);
    }
  }

  /** Whether the engine's tables exist in the connection's schema (upper case on H2, lower case on PostgreSQL). */
  private static boolean propertyTableExists(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    for (String name : new String[] {"ACT_GE_PROPERTY", "act_ge_property"}) {
      try (ResultSet tables = metaData.getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
