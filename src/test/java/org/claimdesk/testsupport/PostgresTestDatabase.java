package org.claimdesk.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL database the integration suite runs against. Defaults to the local
 * {@code jdbc:postgresql://localhost:5432/test} as user {@code postgres}; override with the
 * system properties or environment variables {@code claimdesk.test.db.url|user|password}
 * ({@code CLAIMDESK_TEST_DB_URL|USER|PASSWORD}).
 *
 * <p>The suite owns this database: at the first test of a run it drops and recreates the
 * {@code public} schema (the engine's tables) and drops the {@code claimdesk} schema (the
 * merchant data), so every run starts from an empty database, exactly as a new installation.
 */
public final class PostgresTestDatabase {

  public static final String URL = setting("claimdesk.test.db.url", "CLAIMDESK_TEST_DB_URL",
      "jdbc:postgresql://localhost:5432/test");
  public static final String USER = setting("claimdesk.test.db.user", "CLAIMDESK_TEST_DB_USER", "postgres");
  public static final String PASSWORD = setting("claimdesk.test.db.password",
      "CLAIMDESK_TEST_DB_PASSWORD", "");

  private static Boolean reachable;
  private static String unreachableReason;

  private PostgresTestDatabase() {
  }

  public static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", PASSWORD);
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("loginTimeout", "5");
    return DriverManager.getConnection(URL, properties);
  }

  /**
   * Drops and creates an empty database beside the test database, for a test that needs its own.
   * Its name ends with the test database's name ({@code claimdesk_cluster_it_test}), so runs on
   * different test databases of one server keep apart.
   */
  public static String recreateDatabase(String prefix) throws SQLException {
    // lower case: PostgreSQL folds an unquoted name so, and a test database may be named test_procA
    String name = (prefix + "_" + URL.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1")).toLowerCase(java.util.Locale.ROOT);
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("Not a plain database name: " + name);
    }
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    }
    return URL.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
  }

  /** Checks the connection once per run and, the first time it works, resets the database. */
  static synchronized boolean ensureReady() {
    if (reachable == null) {
      try (Connection connection = connect(); Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS claimdesk CASCADE");
        statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
        statement.execute("CREATE SCHEMA public");
        reachable = true;
      } catch (SQLException e) {
        reachable = false;
        unreachableReason = e.getMessage();
      }
    }
    return reachable;
  }

  static String unreachableReason() {
    return unreachableReason;
  }

  private static String setting(String property, String environmentVariable, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environmentVariable);
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
