package org.claimdesk.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL database the benchmark owns: the local {@code claimdesk_benchmark} by default
 * (created when missing), or any database given by {@code -Dbenchmark.db.url}. Every phase starts
 * from empty schemas ({@link #reset()}), so the bare engine and Claimdesk each meet a new
 * installation; never point it at a database whose data you want to keep.
 */
record BenchmarkDatabase(String url, String user, String password) {

  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/claimdesk_benchmark";

  static BenchmarkDatabase fromSettings() throws SQLException {
    String url = setting("benchmark.db.url", "BENCHMARK_DB_URL", DEFAULT_URL);
    BenchmarkDatabase database = new BenchmarkDatabase(url,
        setting("benchmark.db.user", "BENCHMARK_DB_USER", "postgres"),
        setting("benchmark.db.password", "BENCHMARK_DB_PASSWORD", ""));
    if (url.equals(DEFAULT_URL)) {
      database.createDefaultDatabaseIfMissing();
    }
    return database;
  }

  Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(url, properties);
  }

  /** Drops the engine's and Claimdesk's schemas (and the JDBC ceiling's and the copies' sequence), leaving an empty public schema. */
  void reset() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS claimdesk CASCADE");
      statement.execute("DROP SCHEMA IF EXISTS jdbc_ceiling CASCADE");
      statement.execute("DROP SCHEMA IF EXISTS " + RuntimeCopies.SCHEMA + " CASCADE");
      statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
      statement.execute("CREATE SCHEMA public");
    }
  }

  /** The server's version and the settings that bound its speed, for the report. */
  String describeServer() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT current_setting('server_version'), "
            + "current_setting('shared_buffers'), current_setting('synchronous_commit'), "
            + "current_setting('max_connections')")) {
      result.next();
      return "PostgreSQL " + result.getString(1) + " (shared_buffers " + result.getString(2)
          + ", synchronous_commit " + result.getString(3) + ", max_connections " + result.getString(4) + ")";
    }
  }

  private void createDefaultDatabaseIfMissing() throws SQLException {
    String name = url.substring(url.lastIndexOf('/') + 1);
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    try (Connection connection = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
        properties); Statement statement = connection.createStatement()) {
      try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        if (exists.next()) {
          return;
        }
      }
      statement.execute("CREATE DATABASE " + name);
    }
  }

  private static String setting(String property, String environmentVariable, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environmentVariable);
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
