package org.claimdesk.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Creates the demo staff of {@code application-demo.yml} when missing (demo profile only). */
@Component
@ConditionalOnProperty(name = "claimdesk.demo.enabled", havingValue = "true")
public class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;
  private final DemoProperties properties;

  public DemoUsers(IdentityService identityService, DemoProperties properties) {
    this.identityService = identityService;
    this.properties = properties;
  }

  public void create() {
    for (DemoProperties.DemoUser demoUser : properties.users()) {
      if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identityService.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setEmail(demoUser.email());
        user.setPassword(properties.password());
        identityService.saveUser(user);
        LOG.info("Created demo user {}", demoUser.id());
      }
      for (String group : demoUser.groups()) {
        if (identityService.createUserQuery().userId(demoUser.id()).memberOfGroup(group).count() == 0) {
          identityService.createMembership(demoUser.id(), group);
        }
      }
    }
  }
}
