package org.claimdesk.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the analysts' models at start, one deployment per {@link DeploymentPlan.Bundle}, with
 * the engine's duplicate filtering: a bundle whose files are all unchanged since its last
 * deployment is skipped, so a restart creates no versions; a bundle with any changed file is
 * deployed whole, so its process and forms get a new version together while running instances
 * stay on the version they started with.
 *
 * <p>Concurrent starts of several nodes are safe: the engine serialises deployments with its
 * deployment lock, and the second node's duplicate filter sees the first node's deployment.
 */
@Component
public class ModelDeployer {

  /** Marks deployments made by this deployer, as opposed to ones made through Modeler or REST. */
  public static final String SOURCE = "claimdesk";

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  private static final List<String> FOLDERS = List.of("processes/", "forms/");

  /** What one start did with one bundle. */
  public record Outcome(String bundle, String deploymentId, boolean deployed) {
  }

  private final RepositoryService repositoryService;
  private final ResourcePatternResolver resourceResolver;
  private final DeploymentProperties properties;

  public ModelDeployer(RepositoryService repositoryService, ResourcePatternResolver resourceResolver,
      DeploymentProperties properties) {
    this.repositoryService = repositoryService;
    this.resourceResolver = resourceResolver;
    this.properties = properties;
  }

  /** Deploys what changed among the files at the configured locations. */
  public List<Outcome> deployChanges() {
    List<ModelFile> files = readFiles(properties.locations());
    List<Outcome> outcomes = deploy(DeploymentPlan.of(files));
    long deployed = outcomes.stream().filter(Outcome::deployed).count();
    LOG.info("Models: {} files in {} deployments, {} deployed anew, {} unchanged", files.size(),
        outcomes.size(), deployed, outcomes.size() - deployed);
    return outcomes;
  }

  List<Outcome> deploy(List<DeploymentPlan.Bundle> bundles) {
    List<Outcome> outcomes = new ArrayList<>();
    for (DeploymentPlan.Bundle bundle : bundles) {
      DeploymentBuilder builder = repositoryService.createDeployment()
          .name(bundle.name())
          .source(SOURCE)
          .enableDuplicateFiltering(false);
      for (ModelFile file : bundle.files()) {
        builder.addInputStream(file.name(), new ByteArrayInputStream(file.content()));
      }
      String before = latestDeploymentId(bundle.name());
      Deployment deployment = builder.deploy();
      boolean deployed = !deployment.getId().equals(before);
      if (deployed) {
        LOG.info("Deployed {} as deployment {} ({})", bundle.name(), deployment.getId(), bundle.files());
      }
      outcomes.add(new Outcome(bundle.name(), deployment.getId(), deployed));
    }
    return outcomes;
  }

  private String latestDeploymentId(String name) {
    return repositoryService.createDeploymentQuery()
        .deploymentName(name)
        .deploymentSource(SOURCE)
        .orderByDeploymentTime().desc()
        .listPage(0, 1)
        .stream()
        .map(Deployment::getId)
        .findFirst()
        .orElse(null);
  }

  List<ModelFile> readFiles(List<String> locations) {
    Map<String, ModelFile> files = new LinkedHashMap<>();
    for (String location : locations) {
      try {
        for (Resource resource : resourceResolver.getResources(location)) {
          if (!resource.isReadable()) {
            continue;
          }
          String name = deploymentName(resource);
          try (InputStream in = resource.getInputStream()) {
            ModelFile file = new ModelFile(name, in.readAllBytes());
            ModelFile previous = files.putIfAbsent(name, file);
            if (previous != null && !previous.equals(file)) {
              throw new DeploymentPlan.InvalidModelException("Two different files are named " + name);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read models at " + location, e);
      }
    }
    return List.copyOf(files.values());
  }

  /** {@code .../processes/refund-request.bpmn} becomes {@code processes/refund-request.bpmn}. */
  static String deploymentName(Resource resource) throws IOException {
    String path = resource.getURL().toString().replace('\\', '/');
    int start = -1;
    for (String folder : FOLDERS) {
      start = Math.max(start, path.lastIndexOf("/" + folder));
    }
    if (start < 0) {
      return resource.getFilename();
    }
    return path.substring(start + 1);
  }
}
