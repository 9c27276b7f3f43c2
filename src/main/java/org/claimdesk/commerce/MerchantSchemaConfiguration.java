package org.claimdesk.commerce;

import java.sql.DatabaseMetaData;
import java.util.Arrays;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Makes {@code spring.flyway.schemas: claimdesk} mean the same schema on both databases.
 * Flyway quotes schema names, so on H2 it would create {@code "claimdesk"} in lower case,
 * while H2 folds the application's unquoted {@code claimdesk.shop_order} to upper case and
 * would not find it (PostgreSQL folds to lower case, so there is nothing to do). On H2 the
 * schema names are therefore given to Flyway in upper case.
 */
@Configuration(proxyBeanMethods = false)
class MerchantSchemaConfiguration {

  @Bean
  FlywayConfigurationCustomizer merchantSchemaNameCase() {
    return configuration -> {
      if (!isH2(configuration.getDataSource())) {
        return;
      }
      configuration.schemas(Arrays.stream(configuration.getSchemas())
          .map(schema -> schema.toUpperCase(Locale.ROOT))
          .toArray(String[]::new));
      String defaultSchema = configuration.getDefaultSchema();
      if (defaultSchema != null) {
        configuration.defaultSchema(defaultSchema.toUpperCase(Locale.ROOT));
      }
    };
  }

  private static boolean isH2(DataSource dataSource) {
    try {
      String product = JdbcUtils.extractDatabaseMetaData(dataSource,
          DatabaseMetaData::getDatabaseProductName);
      return "H2".equalsIgnoreCase(product);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database the merchant schema is on", e);
    }
  }
}
