package org.claimdesk.metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Health component {@code mail}, in place of Spring Boot's (which would report DOWN for the
 * blank host the postgres profile has when no SMTP server is configured). With a host, it
 * connects to the SMTP server: DOWN when that fails. Without one, it is UP: emails stay in the
 * outbox as {@code NO_SMTP}, by design. Either way it tells how many emails gave up ({@code FAILED}).
 */
@Component("mailHealthIndicator")
class MailHealthIndicator extends AbstractHealthIndicator {

  private final ObjectProvider<JavaMailSender> sender;
  private final Environment environment;
  private final JdbcClient jdbc;

  MailHealthIndicator(ObjectProvider<JavaMailSender> sender, Environment environment, JdbcClient jdbc) {
    super("SMTP health check failed");
    this.sender = sender;
    this.environment = environment;
    this.jdbc = jdbc;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    long failed = jdbc.sql("select count(*) from claimdesk.notification_outbox where status = 'FAILED'")
        .query(Long.class).single();
    builder.withDetail("failedEmails", failed);
    String host = environment.getProperty("spring.mail.host");
    JavaMailSender mail = sender.getIfAvailable();
    if (!StringUtils.hasText(host) || mail == null) {
      builder.up().withDetail("smtp", "not configured: emails stay in the outbox (NO_SMTP)");
      return;
    }
    builder.withDetail("smtp", host + ":" + environment.getProperty("spring.mail.port", "25"));
    if (mail instanceof JavaMailSenderImpl impl) {
      impl.testConnection();
    }
    builder.up();
  }
}
