package org.claimdesk.models;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.claimdesk.engine.DeploymentGate;
import org.springframework.stereotype.Component;

/**
 * The gate every deployment a person makes passes (issue #23), whichever way it comes: Camunda
 * Modeler's deploy button and the REST API, Cockpit, or the model-change API. It reviews the files
 * ({@link ModelReview}) and refuses them when a check fails, and when the edit would change the
 * outcome of past decisions unless a manager approved exactly these files ({@link ModelChanges}).
 *
 * <p>The what-if reads the decision history, which analysts may not read themselves (it holds the
 * customers' data); the gate reads it as the application, and reports case references and outcomes only.
 */
@Component
class ModelDeploymentGate implements DeploymentGate {

  static final String APPROVAL_REQUIRED = "approval-required";

  private final ModelReview review;
  private final ModelChangeStore store;

  ModelDeploymentGate(ModelReview review, ModelChangeStore store) {
    this.review = review;
    this.store = store;
  }

  @Override
  public void check(Request request) {
    boolean cleared = ModelChanges.SOURCE.equals(request.source())
        && store.isCleared(ModelChangeStore.digest(request.resources()));
    DecisionReplay.Window window = cleared ? null : DecisionReplay.Window.lastDecisions();
    CommandContext command = Context.getCommandContext();
    ModelReview.Review result = command == null ? review.review(request.resources(), window)
        : command.runWithoutAuthorization(() -> review.review(request.resources(), window));
    if (!result.passed()) {
      throw new Refused(result.findings().size() + " problem(s) in " + String.join(", ", request.resources().keySet()),
          result.findings());
    }
    if (result.changesOutcomes()) {
      List<Finding> findings = new ArrayList<>();
      for (DecisionReplay.Report replay : result.replays()) {
        if (replay.changesOutcomes()) {
          findings.add(new Finding(request.resources().keySet().stream().filter(n -> n.endsWith(".dmn")).findFirst()
              .orElse("-"), replay.decisionKey(), APPROVAL_REQUIRED, ModelChanges.describe(replay)
              + "; a change of past outcomes needs a manager's approval: propose it with POST /api/model-changes"
              + " (docs/analysts.md)"));
        }
      }
      throw new Refused("the edit changes the outcome of past decisions", findings);
    }
  }
}
