package org.claimdesk.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Serialises the start of nodes that share one PostgreSQL database. The engine's schema creation
 * ({@code schema-update: true}) is not safe when two nodes start together on an empty database,
 * and neither is creating groups and filters. So, before the engine is built, this plugin takes a
 * PostgreSQL session-level advisory lock, and {@link EngineSetup} releases it when the setup is
 * done: the second node waits, then finds the schema and everything else in place.
 *
 * <p>On other databases (the embedded H2 file, which one process owns) it does nothing.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

  /** An arbitrary key that names Claimdesk's start-up among the database's advisory locks. */
  static final long ADVISORY_LOCK_KEY = 0x436c61696d6465L;

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private Connection holder;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  synchronized void acquire() {
    if (holder != null) {
      return;
    }
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET lock_timeout = '5min'");
        statement.execute("SELECT pg_advisory_lock(" + ADVISORY_LOCK_KEY + ")");
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      holder = connection;
      LOG.info("Holding the start-up lock");
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot take the start-up lock", e);
    }
  }

  synchronized void release() {
    if (holder == null) {
      return;
    }
    try (Connection connection = holder; Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock(" + ADVISORY_LOCK_KEY + ")");
      statement.execute("RESET lock_timeout");
      LOG.info("Released the start-up lock");
    } catch (SQLException e) {
      // closing the connection ends the session, which releases the lock anyway
      LOG.warn("Could not release the start-up lock cleanly: {}", e.getMessage());
    } finally {
      holder = null;
    }
  }

  @Override
  public void destroy() {
    release();
  }
}
