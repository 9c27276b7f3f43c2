package org.claimdesk.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * In production (profile {@code postgres}) the application refuses to start while any user's
 * password is one of the published demo passwords of {@code application-demo.yml}. The check
 * compares password hashes directly, so it does not count as a failed login for anybody.
 */
@Component
@Profile("postgres")
public class DemoPasswordGuard {

  static final String DEMO_CONFIG = "application-demo.yml";

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  public DemoPasswordGuard(IdentityService identityService, ProcessEngineConfigurationImpl engineConfiguration) {
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
  }

  public void check() {
    Set<String> demoPasswords = demoPasswords();
    PasswordManager passwordManager = engineConfiguration.getPasswordManager();
    List<String> offenders = identityService.createUserQuery().list().stream()
        .filter(UserEntity.class::isInstance)
        .map(UserEntity.class::cast)
        .filter(user -> user.getPassword() != null)
        .filter(user -> demoPasswords.stream().anyMatch(demo ->
            passwordManager.check(EncryptionUtil.saltPassword(demo, user.getSalt()), user.getPassword())))
        .map(User::getId)
        .toList();
    if (!offenders.isEmpty()) {
      throw new IllegalStateException("Refusing to start with the postgres profile: user(s) " + offenders
          + " still have a demo password. Set a real password (Camunda Admin, or"
          + " CLAIMDESK_ADMIN_PASSWORD for the admin) and start again.");
    }
  }

  static Set<String> demoPasswords() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource(DEMO_CONFIG));
    Properties properties = yaml.getObject();
    Set<String> passwords = new LinkedHashSet<>();
    if (properties != null) {
      for (String key : List.of("claimdesk.demo.password", "camunda.bpm.admin-user.password")) {
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
}
