package org.claimdesk.models;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.claimdesk.engine.ModelFile;
import org.claimdesk.jdbc.DbTimes;
import org.claimdesk.models.ModelChangeStore.Row;
import org.claimdesk.models.ModelChangeStore.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The analysts' change pipeline (issue #23): a change is proposed (its files reviewed: the gate,
 * the decisions' test cases, the what-if replay), then deployed by the analyst when no past outcome
 * changes, or by a manager's approval in Tasklist ({@code model-change-approval}) when one does.
 * The change, its report and who decided and deployed it are kept ({@code claimdesk.model_change}):
 * that is the deployment history the analysts and managers read.
 */
@Service
public class ModelChanges {

  /** The source of a deployment this pipeline makes; the gate recognises a cleared change by its files. */
  public static final String SOURCE = "claimdesk-model-change";
  /** The manager's approval of a change of past outcomes. */
  public static final String APPROVAL_PROCESS = "model-change-approval";

  private static final Logger LOG = LoggerFactory.getLogger(ModelChanges.class);

  /** A change as the API shows it. */
  public record ModelChange(long id, String status, String proposedBy, Instant proposedAt, boolean changesOutcomes,
      List<String> files, JsonNode report, String decidedBy, Instant decidedAt, String decisionNote,
      String deploymentId, String deployedBy, Instant deployedAt) {
  }

  private final ModelReview review;
  private final ModelChangeStore store;
  private final RuleRowDiff rowDiff;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final ObjectMapper json;
  private final Clock clock;

  ModelChanges(ModelReview review, ModelChangeStore store, RuleRowDiff rowDiff, RepositoryService repository,
      RuntimeService runtime, IdentityService identity, ObjectMapper json, Clock clock) {
    this.review = review;
    this.store = store;
    this.rowDiff = rowDiff;
    this.repository = repository;
    this.runtime = runtime;
    this.identity = identity;
    this.json = json;
    this.clock = clock;
  }

  /** Reviews the files and keeps the change with its report; one that changes past outcomes waits for a manager. */
  @Transactional
  public ModelChange propose(Map<String, byte[]> files, String user, DecisionReplay.Window window) {
    ModelReview.Review result = review.review(files, window);
    Status status = !result.passed() ? Status.REFUSED
        : result.changesOutcomes() ? Status.AWAITING_APPROVAL : Status.READY;
    Instant now = DbTimes.truncate(clock.instant());
    long id = store.insert(status, user, now, files, result.changesOutcomes(), report(files, result));
    if (status == Status.AWAITING_APPROVAL) {
      runtime.createProcessInstanceByKey(APPROVAL_PROCESS)
          .businessKey(String.valueOf(id))
          .setVariable("proposedBy", user)
          .setVariable("changeSummary", summary(id, user, files, result))
          .execute();
    }
    LOG.info("Model change {} proposed by {}: {} ({} finding(s), {} decision(s) replayed)", id, user, status,
        result.findings().size(), result.replays().size());
    return view(store.find(id).orElseThrow());
  }

  /**
   * Files for a manager's approval the files a deployment from Camunda Modeler or the REST API
   * would have deployed, had they not changed past outcomes: the same change as {@link #propose},
   * or the one already waiting when the same person deploys the same files again.
   */
  @Transactional
  public ModelChange fileForApproval(Map<String, byte[]> files, String user) {
    Map<String, byte[]> named = new TreeMap<>();
    files.forEach((name, content) -> {
      // Modeler sends plain names; the change keeps them as the API does.
      String deploymentName = name.contains("/") ? null : ModelFile.deploymentNameOf(name);
      named.put(deploymentName == null ? name : deploymentName, content);
    });
    return store.awaitingApproval(ModelChangeStore.digest(named), user).map(this::get)
        .orElseGet(() -> propose(named, user, DecisionReplay.Window.lastDecisions()));
  }

  /**
   * Keeps a deployment made from Modeler or the REST API that passed the gate, with its report, as
   * a change deployed by its author; it runs in the deployment's transaction and goes with it.
   */
  @Transactional
  public void recordDeployed(Map<String, byte[]> files, String user, String deploymentId, ModelReview.Review result) {
    Instant now = DbTimes.truncate(clock.instant());
    long id = store.insert(Status.READY, user, now, files, false, report(files, result));
    store.deployed(id, deploymentId, user, now);
    LOG.info("Model change {}: deployment {} by {}, kept with its report", id, deploymentId, user);
  }

  private String report(Map<String, byte[]> files, ModelReview.Review result) {
    Map<String, Object> report = new java.util.LinkedHashMap<>();
    report.put("findings", result.findings());
    report.put("whatIf", result.replays());
    report.put("rows", rowDiff.diff(files));
    return write(report);
  }

  public ModelChange get(long id) {
    return view(store.find(id).orElseThrow(() -> notFound(id)));
  }

  public List<ModelChange> latest(int limit) {
    return store.latest(limit).stream().map(this::view).toList();
  }

  /** Deploys a change that changes no past outcome, as the analyst asking; once, whoever asks twice. */
  @Transactional
  public ModelChange deploy(long id, String user) {
    Row row = store.lock(id).orElseThrow(() -> notFound(id));
    if (row.status() != Status.READY) {
      throw ModelProblems.of(HttpStatus.CONFLICT, "Change not ready to deploy",
          "Model change " + id + " is " + row.status() + (row.status() == Status.AWAITING_APPROVAL
              ? ": it changes past outcomes and deploys when a manager approves it" : ""));
    }
    deployAs(row, user);
    return view(store.find(id).orElseThrow());
  }

  /** The manager's decision, recorded by the approval task; the author may not approve their own change. */
  @Transactional
  public void decide(long id, boolean approved, String manager, String note) {
    Row row = store.find(id).orElseThrow(() -> notFound(id));
    if (approved && row.proposedBy().equals(manager)) {
      throw new IllegalStateException("A change is approved by someone other than its author (" + manager + ")");
    }
    if (!store.decide(id, approved, manager, DbTimes.truncate(clock.instant()), note)) {
      throw new IllegalStateException("Model change " + id + " does not wait for a decision: it is " + row.status());
    }
    LOG.info("Model change {} {} by {}", id, approved ? "approved" : "rejected", manager);
  }

  /** Deploys an approved change as its author; a retried job finds it deployed and does nothing. */
  @Transactional
  public void deployApproved(long id) {
    Row row = store.lock(id).orElseThrow(() -> notFound(id));
    if (row.status() == Status.DEPLOYED) {
      return;
    }
    if (row.status() != Status.APPROVED) {
      throw new IllegalStateException("Model change " + id + " is " + row.status() + ", not approved");
    }
    deployAs(row, row.proposedBy());
  }

  private void deployAs(Row row, String user) {
    Map<String, byte[]> files = store.files(row.id());
    Authentication previous = identity.getCurrentAuthentication();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      DeploymentBuilder builder = repository.createDeployment().name("model-change-" + row.id()).source(SOURCE);
      files.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
      Deployment deployment = builder.deploy();
      store.deployed(row.id(), deployment.getId(), user, DbTimes.truncate(clock.instant()));
      LOG.info("Model change {} deployed by {} as deployment {}", row.id(), user, deployment.getId());
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  /** How many past outcomes of one decision change, per rule: {@code 12 of 1000 past decisions change (RF-1 → RF-2: 12)}. */
  static String describe(DecisionReplay.Report replay) {
    return replay.changed() + " of " + replay.replayed() + " past decisions change ("
        + replay.changes().stream().map(c -> c.oldRule() + " → " + c.newRule() + ": " + c.cases())
            .collect(Collectors.joining(", ")) + ")"
        + (replay.notReplayable() == 0 ? "" : ", " + replay.notReplayable() + " cannot be replayed ("
            + String.join("; ", replay.notReplayableReasons()) + ")");
  }

  private static String summary(long id, String user, Map<String, byte[]> files, ModelReview.Review result) {
    List<String> lines = new ArrayList<>();
    lines.add("Model change " + id + " by " + user + ": " + String.join(", ", files.keySet()));
    for (DecisionReplay.Report replay : result.replays()) {
      lines.add(replay.decisionKey() + ": " + describe(replay));
      for (DecisionReplay.Change change : replay.changes()) {
        for (DecisionReplay.Example example : change.examples()) {
          lines.add("  " + example.caseReference() + ": " + example.oldOutcome() + " → " + example.newOutcome());
        }
      }
    }
    String text = String.join("\n", lines);
    return text.length() > 3900 ? text.substring(0, 3900) + "\n…" : text;
  }

  private ModelChange view(Row row) {
    JsonNode report;
    try {
      report = json.readTree(row.report());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new ModelChange(row.id(), row.status().name(), row.proposedBy(), row.proposedAt(), row.changesOutcomes(),
        store.fileNames(row.id()), report, row.decidedBy(), row.decidedAt(), row.decisionNote(),
        row.deploymentId(), row.deployedBy(), row.deployedAt());
  }

  private String write(Object report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ErrorResponseException notFound(long id) {
    return ModelProblems.of(HttpStatus.NOT_FOUND, "No such model change", "There is no model change " + id);
  }
}
