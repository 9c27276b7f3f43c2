package org.claimdesk.models;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Moving running cases to a new version of their process (issue #23; Cockpit's migration page is
 * Enterprise-only). The plan maps every activity of the old version to the activity with the same id
 * in the new one ({@code mapEqualActivities}); the preview shows its instructions, the old version's
 * activities that have no counterpart, and first the running instances that cannot move because one
 * of their active steps has none. Running the migration moves the others as a batch (the engine's
 * job executor does the work, every node of the cluster taking part); instances that stay on the old
 * version keep running on it.
 */
@Service
public class ProcessMigrations {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessMigrations.class);
  /** The most running instances one preview lists by name. */
  static final int LISTED = 200;

  /** An instance that cannot move, by its case reference (business key), and the steps that keep it. */
  public record Blocked(String processInstanceId, String caseReference, List<String> activities) {
  }

  /** One mapping of the plan. */
  public record Instruction(String from, String to) {
  }

  /** What a migration from {@code fromVersion} to the latest version would do. */
  public record Preview(String processKey, int fromVersion, int toVersion, String sourceDefinitionId,
      String targetDefinitionId, List<Instruction> instructions, List<String> unmapped, List<String> planProblems,
      long running, long migratable, List<Blocked> blocked) {
  }

  /** A migration batch and how far it has come. */
  public record Progress(String batchId, int total, int done, int failed, boolean finished) {
  }

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;

  ProcessMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
      HistoryService history) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
  }

  public Preview preview(String processKey, int fromVersion) {
    return plan(processKey, fromVersion).preview();
  }

  /** Starts the batch that moves every instance the preview found migratable; 409 when there is none. */
  public Progress migrate(String processKey, int fromVersion, String user) {
    Planned planned = plan(processKey, fromVersion);
    Preview preview = planned.preview();
    if (planned.plan() == null || !preview.planProblems().isEmpty()) {
      throw conflict("The plan from version " + fromVersion + " is not valid: " + preview.planProblems());
    }
    if (planned.migratable().isEmpty()) {
      throw conflict("No running instance of " + processKey + " version " + fromVersion + " can be migrated");
    }
    Batch batch = runtime.newMigration(planned.plan()).processInstanceIds(planned.migratable()).executeAsync();
    LOG.info("{} started migrating {} instance(s) of {} from version {} to {} (batch {})", user,
        planned.migratable().size(), processKey, fromVersion, preview.toVersion(), batch.getId());
    return progress(batch.getId());
  }

  public Progress progress(String batchId) {
    BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
    if (running != null) {
      return new Progress(batchId, running.getTotalJobs(), running.getCompletedJobs(), running.getFailedJobs(), false);
    }
    HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId).singleResult();
    if (done == null) {
      throw ModelProblems.of(HttpStatus.NOT_FOUND, "No such migration", "There is no migration batch " + batchId);
    }
    return new Progress(batchId, done.getTotalJobs(), done.getTotalJobs(), 0, done.getEndTime() != null);
  }

  private record Planned(Preview preview, MigrationPlan plan, List<String> migratable) {
  }

  private Planned plan(String processKey, int fromVersion) {
    ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    ProcessDefinition source = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .processDefinitionVersion(fromVersion).singleResult();
    if (target == null || source == null) {
      throw ModelProblems.of(HttpStatus.NOT_FOUND, "No such version",
          "Process " + processKey + " has no version " + fromVersion);
    }
    if (source.getId().equals(target.getId())) {
      throw conflict("Version " + fromVersion + " of " + processKey + " is the latest: there is nothing to migrate to");
    }
    MigrationPlan plan = null;
    List<String> problems = new ArrayList<>();
    try {
      plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
    } catch (MigrationPlanValidationException e) {
      e.getValidationReport().getInstructionReports().forEach(report -> report.getFailures()
          .forEach(failure -> problems.add(report.getMigrationInstruction().getSourceActivityId() + ": " + failure)));
      if (problems.isEmpty()) {
        problems.add(e.getMessage());
      }
    }
    Set<String> mapped = new LinkedHashSet<>();
    List<Instruction> instructions = new ArrayList<>();
    if (plan != null) {
      for (MigrationInstruction instruction : plan.getInstructions()) {
        mapped.add(instruction.getSourceActivityId());
        instructions.add(new Instruction(instruction.getSourceActivityId(), instruction.getTargetActivityId()));
      }
    }
    List<String> unmapped = repository.getBpmnModelInstance(source.getId()).getModelElementsByType(FlowNode.class)
        .stream().map(FlowNode::getId).filter(id -> !mapped.contains(id)).sorted().toList();

    boolean planned = plan != null;
    List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list();
    List<String> migratable = new ArrayList<>();
    List<Blocked> blocked = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      Set<String> active = new java.util.TreeSet<>(runtime.getActiveActivityIds(instance.getId()));
      List<String> keeping = active.stream().filter(activity -> !planned || !mapped.contains(activity)).toList();
      if (keeping.isEmpty() && planned) {
        migratable.add(instance.getId());
      } else if (blocked.size() < LISTED) {
        blocked.add(new Blocked(instance.getId(), instance.getBusinessKey(), keeping));
      }
    }
    Preview preview = new Preview(processKey, source.getVersion(), target.getVersion(), source.getId(),
        target.getId(), instructions, unmapped, problems, instances.size(), migratable.size(), blocked);
    return new Planned(preview, plan, migratable);
  }

  private static ErrorResponseException conflict(String detail) {
    return ModelProblems.of(HttpStatus.CONFLICT, "Cannot migrate", detail);
  }
}
