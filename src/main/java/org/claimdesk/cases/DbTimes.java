package org.claimdesk.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as both databases store them ({@code timestamp with time zone}, microseconds), passed
 * to JDBC as UTC {@link OffsetDateTime}: the same rule as the merchant data's.
 */
final class DbTimes {

  private DbTimes() {
  }

  static Instant truncate(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  static OffsetDateTime toDb(Instant instant) {
    return instant == null ? null : truncate(instant).atOffset(ZoneOffset.UTC);
  }

  static Instant fromDb(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
