package org.claimdesk.engine;

import java.util.List;
import java.util.Map;

/**
 * A check every deployment a person makes must pass before the engine parses it (issue #23): a
 * deployment through the REST API (Camunda Modeler's deploy button), Cockpit or the analysts'
 * model-change API. The application's own deployment of the shipped models at start is not
 * gated here: the build has gated those files already. {@link DeploymentCheck} calls every gate in
 * the deployment's transaction; a {@link Refused} refuses the whole deployment, nothing of it is kept,
 * and the REST API answers 400 with the findings.
 */
public interface DeploymentGate {

  /** Checks one deployment, throwing {@link Refused} with every finding when it may not be deployed. */
  void check(Request request);

  /** A deployment about to be made: who makes it, the id it will have, and its files by name. */
  record Request(String name, String source, String deployedBy, String deploymentId, Map<String, byte[]> resources) {
    public Request {
      resources = Map.copyOf(resources);
    }
  }

  /** One reason to refuse: the file, the element (or null), the rule broken and what is wrong. */
  record Finding(String resource, String elementId, String rule, String problem) {
    @Override
    public String toString() {
      return resource + ": " + (elementId == null || elementId.isBlank() ? "-" : elementId) + ": " + problem
          + " [" + rule + "]";
    }
  }

  /** The deployment is refused for these findings. */
  final class Refused extends RuntimeException {

    private final transient List<Finding> findings;

    public Refused(String summary, List<Finding> findings) {
      super(summary);
      this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
      return findings;
    }
  }
}
