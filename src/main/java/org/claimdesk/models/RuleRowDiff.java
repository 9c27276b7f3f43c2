package org.claimdesk.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What an edited decision table changes, row by row, against the version deployed last (issue #23):
 * the rows added, removed and changed, by row id, each with its annotation (which names the policy
 * rule) and its entries, so the analyst and the approving manager read the edit, not the XML.
 */
@Component
class RuleRowDiff {

  /** One row: its id, its annotation, its input entries then its output entries. */
  record RowText(String id, String description, List<String> inputs, List<String> outputs) {
  }

  /** A row whose entries or annotation differ. */
  record ChangedRow(String id, RowText before, RowText after) {
  }

  /** The rows of one decision, against the deployed version ({@code deployedVersion} null: a new decision). */
  record DecisionDiff(String decisionKey, Integer deployedVersion, List<RowText> added, List<RowText> removed,
      List<ChangedRow> changed) {
  }

  private final ObjectProvider<ProcessEngine> engine;

  RuleRowDiff(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  List<DecisionDiff> diff(Map<String, byte[]> files) {
    List<DecisionDiff> diffs = new ArrayList<>();
    files.forEach((name, content) -> {
      if (!name.endsWith(".dmn")) {
        return;
      }
      DmnModelInstance edited;
      try {
        edited = Dmn.readModelFromStream(new ByteArrayInputStream(content));
      } catch (RuntimeException e) {
        return; // the review reports it
      }
      for (Decision decision : edited.getModelElementsByType(Decision.class)) {
        if (decision.getExpression() instanceof DecisionTable table) {
          diffs.add(diff(decision.getId(), rows(table)));
        }
      }
    });
    return diffs;
  }

  private DecisionDiff diff(String key, Map<String, RowText> after) {
    var repository = engine.getObject().getRepositoryService();
    DecisionDefinition deployed = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult();
    Map<String, RowText> before = new LinkedHashMap<>();
    if (deployed != null) {
      try (InputStream in = repository.getResourceAsStream(deployed.getDeploymentId(), deployed.getResourceName())) {
        Decision decision = Dmn.readModelFromStream(in).getModelElementById(key);
        if (decision != null && decision.getExpression() instanceof DecisionTable table) {
          before = rows(table);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<RowText> added = new ArrayList<>();
    List<ChangedRow> changed = new ArrayList<>();
    for (RowText row : after.values()) {
      RowText old = before.get(row.id());
      if (old == null) {
        added.add(row);
      } else if (!old.equals(row)) {
        changed.add(new ChangedRow(row.id(), old, row));
      }
    }
    List<RowText> removed = before.values().stream().filter(row -> !after.containsKey(row.id())).toList();
    return new DecisionDiff(key, deployed == null ? null : deployed.getVersion(), added, removed, changed);
  }

  private static Map<String, RowText> rows(DecisionTable table) {
    Map<String, RowText> rows = new LinkedHashMap<>();
    for (Rule rule : table.getRules()) {
      rows.put(rule.getId(), new RowText(rule.getId(),
          rule.getDescription() == null ? null : rule.getDescription().getTextContent(),
          rule.getInputEntries().stream().map(e -> e.getText() == null ? "" : Objects.toString(e.getText().getTextContent(), "").strip()).toList(),
          rule.getOutputEntries().stream().map(e -> e.getText() == null ? "" : Objects.toString(e.getText().getTextContent(), "").strip()).toList()));
    }
    return rows;
  }
}
