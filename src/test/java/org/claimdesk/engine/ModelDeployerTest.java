package org.claimdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The deployment mechanism against a real (in-memory) engine: what a restart, a changed form,
 * a changed decision and a changed diagram do to versions and to running instances.
 */
class ModelDeployerTest {

  private static final String PROCESS = "processes/fixture-claim.bpmn";
  private static final String DECISION = "processes/fixture-decision.dmn";
  private static final String FORM = "forms/fixture-review.form";
  private static final String UNUSED_FORM = "forms/fixture-unused.form";

  @TempDir
  Path models;

  private ProcessEngine engine;
  private RepositoryService repository;
  private ModelDeployer deployer;

  @BeforeEach
  void startEngineAndCopyModels() throws IOException {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:deployer-" + UUID.randomUUID())
        .setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setProcessEngineName("deployer-" + UUID.randomUUID())
        .buildProcessEngine();
    repository = engine.getRepositoryService();
    for (String file : List.of(PROCESS, DECISION, FORM, UNUSED_FORM)) {
      Path target = models.resolve(file);
      Files.createDirectories(target.getParent());
      try (InputStream in = new ClassPathResource("deployer/" + file).getInputStream()) {
        Files.copy(in, target);
      }
    }
    String root = models.toUri().toString();
    deployer = new ModelDeployer(repository, new PathMatchingResourcePatternResolver(),
        new DeploymentProperties(List.of(root + "processes/*.bpmn", root + "processes/*.dmn",
            root + "forms/*.form")));
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  @DisplayName("first start: one deployment per process with its forms, per decision, per unreferenced form")
  void firstStartDeploysBundles() {
    List<ModelDeployer.Outcome> outcomes = deployer.deployChanges();

    assertThat(outcomes).extracting(ModelDeployer.Outcome::bundle)
        .containsExactlyInAnyOrder("process:fixture-claim", "decision:fixture-decision", "form:fixture-unused");
    assertThat(outcomes).allMatch(ModelDeployer.Outcome::deployed);
    String processDeployment = deploymentOf("process:fixture-claim");
    assertThat(repository.getDeploymentResourceNames(processDeployment))
        .containsExactlyInAnyOrder(PROCESS, FORM);
    assertThat(repository.getDeploymentResourceNames(deploymentOf("decision:fixture-decision")))
        .containsExactly(DECISION);
    assertThat(repository.getDeploymentResourceNames(deploymentOf("form:fixture-unused")))
        .containsExactly(UNUSED_FORM);
  }

  @Test
  @DisplayName("a restart with nothing changed creates no deployment and no version")
  void restartWithoutChangeCreatesNothing() {
    deployer.deployChanges();
    long deployments = repository.createDeploymentQuery().count();

    List<ModelDeployer.Outcome> second = deployer.deployChanges();

    assertThat(second).noneMatch(ModelDeployer.Outcome::deployed);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(latestProcess().getVersion()).isEqualTo(1);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("fixtureDecision")
        .latestVersion().singleResult().getVersion()).isEqualTo(1);
  }

  @Test
  @DisplayName("a changed form versions its process with it; a running case keeps the form it started with")
  void changedFormVersionsItsProcessAndRunningCaseKeepsOldForm() throws IOException {
    deployer.deployChanges();
    ProcessInstance running = engine.getRuntimeService().startProcessInstanceByKey("fixture-claim", "CASE-1");
    replaceInFile(FORM, "\"label\": \"Decision\"", "\"label\": \"Your decision\"");

    List<ModelDeployer.Outcome> outcomes = deployer.deployChanges();

    assertThat(outcomes).filteredOn(ModelDeployer.Outcome::deployed)
        .extracting(ModelDeployer.Outcome::bundle).containsExactly("process:fixture-claim");
    assertThat(latestProcess().getVersion()).isEqualTo(2);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("fixtureDecision")
        .latestVersion().singleResult().getVersion()).isEqualTo(1);
    ProcessInstance fresh = engine.getRuntimeService().startProcessInstanceByKey("fixture-claim", "CASE-2");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(running.getId())
        .singleResult().getProcessDefinitionId()).isNotEqualTo(fresh.getProcessDefinitionId());
    assertThat(formOf(running)).contains("\"label\": \"Decision\"").doesNotContain("Your decision");
    assertThat(formOf(fresh)).contains("\"label\": \"Your decision\"");
  }

  @Test
  @DisplayName("a changed decision versions only the decision")
  void changedDecisionVersionsOnlyTheDecision() throws IOException {
    deployer.deployChanges();
    replaceInFile(DECISION, "&lt; 10000", "&lt; 20000");

    List<ModelDeployer.Outcome> outcomes = deployer.deployChanges();

    assertThat(outcomes).filteredOn(ModelDeployer.Outcome::deployed)
        .extracting(ModelDeployer.Outcome::bundle).containsExactly("decision:fixture-decision");
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("fixtureDecision")
        .latestVersion().singleResult().getVersion()).isEqualTo(2);
    assertThat(latestProcess().getVersion()).isEqualTo(1);
  }

  @Test
  @DisplayName("a changed diagram is deployed again with its form, so the new version still finds it")
  void changedDiagramIsDeployedWithItsForm() throws IOException {
    deployer.deployChanges();
    replaceInFile(PROCESS, "name=\"Review claim\"", "name=\"Review the claim\"");

    deployer.deployChanges();

    assertThat(latestProcess().getVersion()).isEqualTo(2);
    assertThat(repository.getDeploymentResourceNames(latestProcess().getDeploymentId()))
        .containsExactlyInAnyOrder(PROCESS, FORM);
    ProcessInstance fresh = engine.getRuntimeService().startProcessInstanceByKey("fixture-claim", "CASE-3");
    assertThat(formOf(fresh)).contains("fixture-review");
  }

  @Test
  @DisplayName("a process referencing a form that does not exist stops the start, and nothing is deployed")
  void missingFormStopsTheStart() throws IOException {
    replaceInFile(PROCESS, "camunda:formRef=\"fixture-review\"", "camunda:formRef=\"no-such-form\"");

    assertThatThrownBy(deployer::deployChanges)
        .isInstanceOf(DeploymentPlan.InvalidModelException.class)
        .hasMessageContaining("no-such-form");
    assertThat(repository.createDeploymentQuery().count()).isZero();
  }

  private String deploymentOf(String bundle) {
    return repository.createDeploymentQuery().deploymentName(bundle).singleResult().getId();
  }

  private ProcessDefinition latestProcess() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("fixture-claim").latestVersion()
        .singleResult();
  }

  private String formOf(ProcessInstance instance) throws IOException {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void replaceInFile(String file, String from, String to) throws IOException {
    Path path = models.resolve(file);
    String content = Files.readString(path);
    assertThat(content).contains(from);
    Files.writeString(path, content.replace(from, to));
  }
}
