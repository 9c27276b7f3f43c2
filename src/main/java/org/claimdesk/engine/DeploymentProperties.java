package org.claimdesk.engine;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the models are read from at start: Spring resource patterns for {@code *.bpmn},
 * {@code *.dmn} and {@code *.form} files. The default points at the top-level {@code processes/}
 * and {@code forms/} folders, which the build copies onto the classpath.
 */
@ConfigurationProperties("claimdesk.deployment")
public record DeploymentProperties(List<String> locations) {

  public DeploymentProperties {
    locations = locations == null ? List.of() : List.copyOf(locations);
  }
}
