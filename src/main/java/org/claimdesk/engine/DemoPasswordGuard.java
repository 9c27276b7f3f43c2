package org.claimdesk.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * In production (profile {@code postgres}) the application refuses to start while a published
 * demo password of {@code application-demo.yml} is in use:
 * <ol>
 *   <li>before the engine is built, the configured admin password ({@code CLAIMDESK_ADMIN_PASSWORD})
 *       is checked, so no admin user is ever created with a demo password;</li>
 *   <li>after start-up, every user's stored password hash is compared with the demo passwords
 *       (directly, so the check counts as no failed login for anybody).</li>
 * </ol>
 * Before the engine is built it also checks the secret that case access tokens are derived from
 * ({@code CLAIMDESK_CASE_TOKEN_SECRET}): set, not the demo secret, at least
 * {@value #MIN_TOKEN_SECRET_LENGTH} characters; and that the support mailbox's password is not the
 * demo mail server's.
 */
@Component
@Profile("postgres")
public class DemoPasswordGuard extends AbstractProcessEnginePlugin {

  static final String DEMO_CONFIG = "application-demo.yml";
  private static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  private static final String MAILBOX_PASSWORD = "claimdesk.mailbox.password";
  static final String TOKEN_SECRET = "claimdesk.cases.token-secret";
  static final int MIN_TOKEN_SECRET_LENGTH = 32;

  private final Environment environment;
  private ProcessEngineConfigurationImpl engineConfiguration;

  public DemoPasswordGuard(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.engineConfiguration = configuration;
    String adminPassword = environment.getProperty(ADMIN_PASSWORD);
    if (adminPassword != null && demoPasswords().contains(adminPassword)) {
      throw new IllegalStateException("Refusing to start with the postgres profile: CLAIMDESK_ADMIN_PASSWORD"
          + " is a demo password. Choose a real one.");
    }
    checkCaseTokenSecret();
    checkMailboxPassword();
  }

  /** Refuses the demo mailbox's published password for the support mailbox ({@code CLAIMDESK_MAILBOX_PASSWORD}). */
  void checkMailboxPassword() {
    String password = environment.getProperty(MAILBOX_PASSWORD);
    if (password != null && !password.isEmpty()
        && (demoPasswords().contains(password) || password.equals(demoValue(MAILBOX_PASSWORD)))) {
      throw new IllegalStateException("Refusing to start with the postgres profile: CLAIMDESK_MAILBOX_PASSWORD"
          + " is a demo password. Use the support mailbox's own password.");
    }
  }

  /** Refuses a missing, short or demo secret for the case access tokens. */
  void checkCaseTokenSecret() {
    String secret;
    try {
      secret = environment.getProperty(TOKEN_SECRET);
    } catch (IllegalArgumentException unresolved) {
      secret = null;
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException("Refusing to start with the postgres profile: CLAIMDESK_CASE_TOKEN_SECRET"
          + " is not set. Set it to a random value of at least " + MIN_TOKEN_SECRET_LENGTH + " characters.");
    }
    if (secret.equals(demoValue(TOKEN_SECRET))) {
      throw new IllegalStateException("Refusing to start with the postgres profile: CLAIMDESK_CASE_TOKEN_SECRET"
          + " is the demo secret. Set it to a random value of at least " + MIN_TOKEN_SECRET_LENGTH + " characters.");
    }
    if (secret.length() < MIN_TOKEN_SECRET_LENGTH) {
      throw new IllegalStateException("Refusing to start with the postgres profile: CLAIMDESK_CASE_TOKEN_SECRET"
          + " is shorter than " + MIN_TOKEN_SECRET_LENGTH + " characters.");
    }
  }

  /** Fails the start if any user's password is a demo password. */
  public void check() {
    Set<String> demoPasswords = demoPasswords();
    PasswordManager passwordManager = engineConfiguration.getPasswordManager();
    List<String> offenders = engineConfiguration.getIdentityService().createUserQuery().list().stream()
        .filter(UserEntity.class::isInstance)
        .map(UserEntity.class::cast)
        .filter(user -> user.getPassword() != null)
        .filter(user -> demoPasswords.stream().anyMatch(demo ->
            passwordManager.check(EncryptionUtil.saltPassword(demo, user.getSalt()), user.getPassword())))
        .map(User::getId)
        .toList();
    if (!offenders.isEmpty()) {
      throw new IllegalStateException("Refusing to start with the postgres profile: user(s) " + offenders
          + " have a demo password (were they created by the demo profile on this database?)."
          + " Change their passwords in Camunda Admin, then start again; see the README, 'Running on PostgreSQL'.");
    }
  }

  static Set<String> demoPasswords() {
    Properties properties = demoConfig();
    Set<String> passwords = new LinkedHashSet<>();
    if (properties != null) {
      for (String key : List.of("claimdesk.demo.password", ADMIN_PASSWORD)) {
        String value = properties.getProperty(key);
        if (value != null && !value.isEmpty()) {
          passwords.add(value);
        }
      }
    }
    if (passwords.isEmpty()) {
      throw new IllegalStateException("Cannot read the demo passwords from " + DEMO_CONFIG);
    }
    return passwords;
  }

  static String demoValue(String key) {
    Properties properties = demoConfig();
    String value = properties == null ? null : properties.getProperty(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException("Cannot read " + key + " from " + DEMO_CONFIG);
    }
    return value;
  }

  private static Properties demoConfig() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource(DEMO_CONFIG));
    return yaml.getObject();
  }
}
