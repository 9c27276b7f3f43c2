package org.claimdesk.cases;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.core.io.ClassPathResource;

/**
 * Deploys the test stand-in of {@code refund-request} ({@code cases/refund-request-stand-in.bpmn})
 * as the latest version of that key, and removes it again, so a test class that uses it leaves
 * the real process (when one is deployed) the latest version for the tests after it.
 */
public final class RefundProcessStandIn {

  public static final String DEPLOYMENT_NAME = "test-fixture-refund-request-stand-in";
  static final String RESOURCE = "cases/refund-request-stand-in.bpmn";

  private RefundProcessStandIn() {
  }

  /** The deployment's id. */
  public static String deploy(RepositoryService repository) {
    try {
      return repository.createDeployment()
          .name(DEPLOYMENT_NAME)
          .addInputStream("refund-request-stand-in.bpmn", new ClassPathResource(RESOURCE).getInputStream())
          .deploy()
          .getId();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the deployment with its process instances and their history. */
  public static void undeploy(RepositoryService repository, String deploymentId) {
    if (deploymentId != null) {
      repository.deleteDeployment(deploymentId, true, true);
    }
  }
}
