package org.claimdesk.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as both databases store them: {@code timestamp with time zone} keeps microseconds,
 * so values are truncated to microseconds before they are stored or compared, and passed to
 * JDBC as UTC {@link OffsetDateTime} (which the H2 and PostgreSQL drivers both accept).
 * Every repository of the application's own schema uses these three methods.
 */
public final class DbTimes {

  private DbTimes() {
  }

  public static Instant truncate(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  public static OffsetDateTime toDb(Instant instant) {
    return instant == null ? null : truncate(instant).atOffset(ZoneOffset.UTC);
  }

  public static Instant fromDb(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
