package org.claimdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * Issue #23: after a new version of a process is deployed, an analyst previews and runs the
 * migration of the running instances. Version 1 waits in a review then in a legacy step that
 * version 2 no longer has: the two instances in review move, the one in the legacy step is shown
 * first as unable to move and keeps running on version 1 to its end.
 */
@PostgresIntegrationTest
class ProcessMigrationIT {

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;

  ClaimdeskApi api;
  String key;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void deployTwoVersions() {
    api = new ClaimdeskApi(port);
    key = "migration-fixture-" + UUID.randomUUID().toString().substring(0, 8);
    deploy(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent("Event_Start").userTask("Task_Review").userTask("Task_Legacy").endEvent("Event_End").done());
  }

  @AfterEach
  void removeDeployments() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  @DisplayName("preview shows the instance that cannot move first; the batch moves the others; the one left runs on")
  void previewThenMigrate() {
    ProcessInstance first = runtime.startProcessInstanceByKey(key, "CD-MIGRATE1");
    ProcessInstance second = runtime.startProcessInstanceByKey(key, "CD-MIGRATE2");
    ProcessInstance legacy = runtime.startProcessInstanceByKey(key, "CD-MIGRATE3");
    tasks.complete(tasks.createTaskQuery().processInstanceId(legacy.getId()).singleResult().getId());
    deploy(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent("Event_Start").userTask("Task_Review").userTask("Task_Confirm").endEvent("Event_End").done());

    JsonNode preview = api.http().get().uri("/api/model-changes/migrations/" + key + "/1")
        .headers(h -> h.setBasicAuth("alex", "demo")).retrieve().body(JsonNode.class);
    assertThat(preview.get("toVersion").asInt()).isEqualTo(2);
    assertThat(preview.get("running").asInt()).isEqualTo(3);
    assertThat(preview.get("migratable").asInt()).isEqualTo(2);
    assertThat(preview.at("/blocked/0/caseReference").asText()).isEqualTo("CD-MIGRATE3");
    assertThat(preview.at("/blocked/0/activities/0").asText()).isEqualTo("Task_Legacy");
    assertThat(preview.get("unmapped").toString()).contains("Task_Legacy");
    assertThat(preview.get("instructions").toString()).contains("{\"from\":\"Task_Review\",\"to\":\"Task_Review\"}");

    ResponseEntity<JsonNode> agent = api.http().post().uri("/api/model-changes/migrations/" + key + "/1")
        .headers(h -> h.setBasicAuth("anna", "demo")).retrieve().toEntity(JsonNode.class);
    assertThat(agent.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> started = api.http().post().uri("/api/model-changes/migrations/" + key + "/1")
        .headers(h -> h.setBasicAuth("alex", "demo")).retrieve().toEntity(JsonNode.class);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(202);
    String batchId = started.getBody().get("batchId").asText();
    assertThat(started.getBody().get("finished").asBoolean()).isFalse();

    runBatch(batchId);

    JsonNode progress = api.http().get().uri("/api/model-changes/migrations/batches/" + batchId)
        .headers(h -> h.setBasicAuth("alex", "demo")).retrieve().body(JsonNode.class);
    assertThat(progress.get("finished").asBoolean()).as(progress.toString()).isTrue();
    String v2 = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId();
    assertThat(definitionOf(first)).isEqualTo(v2);
    assertThat(definitionOf(second)).isEqualTo(v2);
    assertThat(definitionOf(legacy)).isEqualTo(legacy.getProcessDefinitionId()).isNotEqualTo(v2);

    // The one left on version 1 runs to its end there; a moved one goes on in version 2's steps.
    tasks.complete(tasks.createTaskQuery().processInstanceId(legacy.getId()).singleResult().getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(legacy.getId()).count()).isZero();
    tasks.complete(tasks.createTaskQuery().processInstanceId(first.getId()).singleResult().getId());
    assertThat(tasks.createTaskQuery().processInstanceId(first.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Confirm");

    ResponseEntity<JsonNode> nothingLeft = api.http().post().uri("/api/model-changes/migrations/" + key + "/1")
        .headers(h -> h.setBasicAuth("alex", "demo")).retrieve().toEntity(JsonNode.class);
    assertThat(nothingLeft.getStatusCode().value()).isEqualTo(409);
    assertThat(nothingLeft.getHeaders().getContentType().toString()).contains("application/problem+json");
  }

  /** Runs the batch's seed, migration and monitor jobs, as the job executor of any node would. */
  private void runBatch(String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId())) {
      List<Job> jobs;
      while (!(jobs = management.createJobQuery().jobDefinitionId(definition).list()).isEmpty()) {
        if (definition.equals(batch.getMonitorJobDefinitionId())
            && !management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list().isEmpty()) {
          break;
        }
        management.executeJob(jobs.get(0).getId());
      }
    }
  }

  private String definitionOf(ProcessInstance instance) {
    return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId();
  }

  private void deploy(BpmnModelInstance model) {
    deployments.add(repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy().getId());
  }
}
