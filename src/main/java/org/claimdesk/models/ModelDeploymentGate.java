package org.claimdesk.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.claimdesk.engine.DeploymentGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The gate every deployment a person makes passes (issue #23), whichever way it comes: Camunda
 * Modeler's deploy button and the REST API, Cockpit, or the model-change API. It reviews the files
 * ({@link ModelReview}) and refuses them when a check fails, and when the edit would change the
 * outcome of past decisions unless a manager approved exactly these files ({@link ModelChanges}).
 *
 * <p>A deployment from Modeler or the REST API that passes is kept as a model change too, with its
 * report and deployment id, in the deployment's own transaction, so the history lists it.
 *
 * <p>A deployment from Modeler or the REST API that would change past outcomes is not simply
 * refused: it is filed as a model change awaiting a manager's approval (the same one when the same
 * person deploys the same files again), the refusal names it, and the approval deploys it. The
 * filing runs on its own thread, outside the refused deployment's command and transaction, which
 * roll back.
 *
 * <p>The what-if reads the decision history, which analysts may not read themselves (it holds the
 * customers' data); the gate reads it as the application, and reports case references and outcomes only.
 */
@Component
class ModelDeploymentGate implements DeploymentGate {

  static final String APPROVAL_REQUIRED = "approval-required";

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeploymentGate.class);

  private final ModelReview review;
  private final ModelChangeStore store;
  /** Lazily: the model changes need the engine, which needs this gate to be built. */
  private final ObjectProvider<ModelChanges> changes;
  private final ExecutorService filing = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "model-change-filing");
    thread.setDaemon(true);
    return thread;
  });

  ModelDeploymentGate(ModelReview review, ModelChangeStore store, ObjectProvider<ModelChanges> changes) {
    this.review = review;
    this.store = store;
    this.changes = changes;
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    filing.shutdownNow();
  }

  @Override
  public void check(Request request) {
    boolean cleared = ModelChanges.SOURCE.equals(request.source())
        && store.isCleared(ModelChangeStore.digest(request.resources()));
    DecisionReplay.Window window = cleared ? null : DecisionReplay.Window.lastDecisions();
    ModelReview.Review result = asApplication(() -> review.review(request.resources(), window));
    if (!result.passed()) {
      throw new Refused(result.findings().size() + " problem(s) in " + String.join(", ", request.resources().keySet()),
          result.findings());
    }
    if (result.changesOutcomes()) {
      String next = fileForApproval(request)
          .map(id -> "filed as model change " + id + ", awaiting a manager's approval in Tasklist: it deploys when"
              + " approved (GET /api/model-changes/" + id + ", docs/analysts.md)")
          .orElse("propose it with POST /api/model-changes (docs/analysts.md)");
      List<Finding> findings = new ArrayList<>();
      for (DecisionReplay.Report replay : result.replays()) {
        if (replay.changesOutcomes()) {
          findings.add(new Finding(tableOf(replay.decisionKey(), request.resources()), replay.decisionKey(),
              APPROVAL_REQUIRED, ModelChanges.describe(replay) + "; a change of past outcomes needs a manager's"
              + " approval: " + next));
        }
      }
      throw new Refused("the edit changes the outcome of past decisions", findings);
    }
    if (request.deployedBy() != null && !ModelChanges.SOURCE.equals(request.source())) {
      // Kept with the deployment, in its transaction: Modeler's deploys are in the history too.
      asApplication(() -> {
        changes.getObject().recordDeployed(request.resources(), request.deployedBy(), request.deploymentId(), result);
        return null;
      });
    }
  }

  /** Runs {@code work} as the application: inside the deploying command, without the deployer's authorizations. */
  private static <T> T asApplication(Supplier<T> work) {
    CommandContext command = Context.getCommandContext();
    return command == null ? work.get() : command.runWithoutAuthorization(work::get);
  }

  /** The change filed for the person deploying; empty for the model-change API's own deploys or when it fails. */
  private Optional<Long> fileForApproval(Request request) {
    if (request.deployedBy() == null || ModelChanges.SOURCE.equals(request.source())) {
      return Optional.empty();
    }
    try {
      return Optional.of(CompletableFuture
          .supplyAsync(() -> changes.getObject().fileForApproval(request.resources(), request.deployedBy()).id(),
              filing)
          .get(2, TimeUnit.MINUTES));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      LOG.warn("Could not file the refused deployment \"{}\" of {} for approval: {}", request.name(),
          request.deployedBy(), e.toString());
      return Optional.empty();
    }
  }

  /** The file of the deployment that defines {@code decisionKey}. */
  private static String tableOf(String decisionKey, Map<String, byte[]> resources) {
    return resources.entrySet().stream()
        .filter(e -> e.getKey().endsWith(".dmn"))
        .filter(e -> ModelReview.decisionKeys(e.getValue()).contains(decisionKey))
        .map(Map.Entry::getKey).findFirst().orElse("-");
  }
}
