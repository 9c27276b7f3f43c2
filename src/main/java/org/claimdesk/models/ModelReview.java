package org.claimdesk.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.claimdesk.engine.DeploymentGate.Finding;
import org.claimdesk.engine.ExpressionAllowList;
import org.claimdesk.engine.ModelFile;
import org.claimdesk.models.ModelQualityGate.Resource;
import org.claimdesk.models.ModelQualityGate.Violation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Reviews a set of model files as one deployment (issue #23), the same way for a change proposed on
 * the model-change API and for a deployment through the REST API or Camunda Modeler:
 * <ol>
 *   <li>bpmnlint with the build's {@code .bpmnlintrc} on every diagram ({@link BpmnLint});</li>
 *   <li>the model quality gate the build applies ({@link ModelQualityGate}), with the expression
 *       allow-list this application runs with: layout, IDs, history TTL, forms that exist in the
 *       deployment, references, scripts and classes refused;</li>
 *   <li>each decision table's own test cases ({@link DecisionTests}): those deployed beside it, or
 *       those of the version deployed last when the deployment has none (Modeler deploys a table
 *       alone); a table with no test cases anywhere is refused;</li>
 *   <li>the what-if replay of each decision table on the past decisions of its key
 *       ({@link DecisionReplay}).</li>
 * </ol>
 */
@Component
public class ModelReview {

  /** Every finding and, per decision table, its what-if replay. */
  public record Review(List<Finding> findings, List<DecisionReplay.Report> replays) {

    public boolean passed() {
      return findings.isEmpty();
    }

    public boolean changesOutcomes() {
      return replays.stream().anyMatch(DecisionReplay.Report::changesOutcomes);
    }
  }

  private final ObjectProvider<ProcessEngine> engine;
  private final ModelQualityGate qualityGate;
  private volatile BpmnLint bpmnLint;

  ModelReview(ObjectProvider<ProcessEngine> engine, Environment environment) {
    this.engine = engine;
    this.qualityGate = new ModelQualityGate(java.nio.file.Path.of(""), ExpressionAllowList.configured(environment));
  }

  /**
   * Reviews {@code files} (name in the deployment to bytes); {@code window} null: no replay. The
   * engine's DMN engine parses decisions inside an engine command only (it reads the engine's
   * settings, the history time to live among them), so outside one the review runs in one.
   */
  public Review review(Map<String, byte[]> files, DecisionReplay.Window window) {
    if (Context.getCommandContext() == null) {
      return configuration().getCommandExecutorTxRequired().execute(command -> reviewInCommand(files, window));
    }
    return reviewInCommand(files, window);
  }

  private Review reviewInCommand(Map<String, byte[]> files, DecisionReplay.Window window) {
    Map<String, Resource> resources = new TreeMap<>();
    files.forEach((name, bytes) -> resources.put(name, new Resource(name, bytes)));
    List<Violation> violations = new ArrayList<>();
    for (Resource diagram : resources.values()) {
      if (diagram.extension().equals(".bpmn")) {
        for (BpmnLint.Report report : bpmnLint().lint(new String(diagram.content(), StandardCharsets.UTF_8))) {
          violations.add(new Violation(diagram.name(), report.elementId(), BpmnLint.RULE_PREFIX + report.rule(),
              report.message()));
        }
      }
    }
    violations.addAll(qualityGate.checkResources(resources.values()).violations());

    DecisionTests tests = new DecisionTests(dmnEngine());
    List<DecisionReplay.Report> replays = new ArrayList<>();
    for (Resource table : resources.values()) {
      if (!table.extension().equals(".dmn")) {
        continue;
      }
      List<String> keys = decisionKeys(table);
      if (keys == null) {
        continue; // the quality gate reported why it cannot be read
      }
      Resource testFile = resources.get(ModelFile.decisionTestsOf(table.name()));
      for (String key : keys) {
        Resource cases = testFile != null && key.equals(DecisionTests.decisionKeyOf(testFile.content())) ? testFile
            : deployedTests(key);
        if (cases == null) {
          violations.add(new Violation(table.name(), key, DecisionTests.RULE, "decision \"" + key
              + "\" has no test cases: deploy " + ModelFile.decisionTestsOf(table.name()) + " beside it"
              + " (docs/analysts.md)"));
        } else {
          violations.addAll(tests.run(table, cases));
        }
      }
      if (window != null && violations.stream().noneMatch(v -> v.file().equals(table.name()))) {
        replays.addAll(new DecisionReplay(dmnEngine(), history(), engine.getObject().getRepositoryService())
            .replay(table.content(), window));
      }
    }
    List<Finding> findings = violations.stream()
        .map(v -> new Finding(v.file(), v.elementId(), v.rule(), v.problem())).toList();
    return new Review(findings, List.copyOf(replays));
  }

  /** Built on first use: its JavaScript engine is not needed until someone deploys a diagram. */
  private BpmnLint bpmnLint() {
    BpmnLint lint = bpmnLint;
    if (lint == null) {
      synchronized (this) {
        if (bpmnLint == null) {
          bpmnLint = BpmnLint.fromClassPath();
        }
        lint = bpmnLint;
      }
    }
    return lint;
  }

  private static List<String> decisionKeys(Resource table) {
    try {
      return Dmn.readModelFromStream(new ByteArrayInputStream(table.content()))
          .getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The decisions {@code dmn} defines; none when it cannot be read. */
  static List<String> decisionKeys(byte[] dmn) {
    List<String> keys = decisionKeys(new Resource("", dmn));
    return keys == null ? List.of() : keys;
  }

  /** The test cases deployed with the latest version of {@code decisionKey} that had any. */
  private Resource deployedTests(String decisionKey) {
    RepositoryService repository = engine.getObject().getRepositoryService();
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
        .orderByDecisionDefinitionVersion().desc().listPage(0, 20)) {
      for (String name : repository.getDeploymentResourceNames(definition.getDeploymentId())) {
        if (!name.endsWith(DecisionTests.SUFFIX)) {
          continue;
        }
        try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), name)) {
          byte[] bytes = in.readAllBytes();
          if (decisionKey.equals(DecisionTests.decisionKeyOf(bytes))) {
            return new Resource(name + " (deployed " + definition.getDeploymentId() + ")", bytes);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return null;
  }

  private DmnEngine dmnEngine() {
    return configuration().getDmnEngine();
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
  }

  private HistoryService history() {
    return engine.getObject().getHistoryService();
  }
}
