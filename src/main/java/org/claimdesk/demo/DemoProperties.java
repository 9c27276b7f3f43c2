package org.claimdesk.demo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded demo: its on/off switch, the one published demo password and the demo staff.
 * Set only in {@code application-demo.yml}.
 */
@ConfigurationProperties("claimdesk.demo")
public record DemoProperties(boolean enabled, String password, List<DemoUser> users) {

  public record DemoUser(String id, String firstName, String lastName, String email, List<String> groups) {
  }

  public DemoProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }
}
