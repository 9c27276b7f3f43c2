package org.claimdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.claimdesk.testsupport.CamundaWebapps;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Logs in as each demo user (one per group) and checks what the engine shows and allows them,
 * through the same REST API and webapp login that Tasklist, Cockpit and Modeler use.
 * Demo users: anna (support), fred (finance), mia (managers), alex (analysts),
 * shop (merchant-systems), admin (camunda-admin); password "demo".
 */
@PostgresIntegrationTest
class AccessIT {

  private static final String PASSWORD = "demo";
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;

  private String instanceId;

  @BeforeEach
  void startCaseWithATaskForEachGroup() throws Exception {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("access-fixture").count() == 0) {
      repositoryService.createDeployment().name("access-fixture")
          .addInputStream("access-fixture.bpmn", new ClassPathResource("access/access-fixture.bpmn").getInputStream())
          .addInputStream("access-fixture-work.form",
              new ClassPathResource("access/access-fixture-work.form").getInputStream())
          .deploy();
    }
    instanceId = runtimeService.startProcessInstanceByKey("access-fixture").getId();
  }

  @Test
  @DisplayName("the engine REST API answers 401 without credentials and lists definitions with them")
  void engineRestNeedsCredentials() {
    assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/engine", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("anna", PASSWORD).getForEntity("/engine-rest/engine", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    // An unknown user: a wrong password for a real one would start Camunda's login throttling for that user.
    assertThat(rest.withBasicAuth("nobody", "wrong").getForEntity("/engine-rest/process-definition", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<List<Map<String, Object>>> definitions = get("admin", "/engine-rest/process-definition?key=access-fixture");
    assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(definitions.getBody()).extracting(d -> d.get("key")).contains("access-fixture");
  }

  @ParameterizedTest(name = "{0} sees only the tasks of {1}")
  @CsvSource({
      "anna, Task_SupportWork",
      "fred, Task_FinanceWork",
      "mia, Task_ManagerApproval Task_SupportWork Task_FinanceWork",
      "admin, Task_ManagerApproval Task_SupportWork Task_FinanceWork",
      "alex, ''"})
  void eachGroupSeesItsOwnTasks(String user, String visibleTasks) {
    ResponseEntity<List<Map<String, Object>>> tasks = get(user, "/engine-rest/task?processInstanceId=" + instanceId);

    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> expected = visibleTasks.isBlank() ? List.of() : List.of(visibleTasks.split(" "));
    assertThat(tasks.getBody()).extracting(t -> t.get("taskDefinitionKey"))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest(name = "{0} may work {1}: {2}")
  @CsvSource({
      "anna, Task_SupportWork, true",
      "anna, Task_FinanceWork, false",
      "fred, Task_FinanceWork, true",
      "fred, Task_SupportWork, false",
      "mia, Task_ManagerApproval, true",
      "mia, Task_SupportWork, false",
      "alex, Task_ManagerApproval, false",
      "shop, Task_SupportWork, false"})
  void eachGroupWorksOnlyItsOwnTasks(String user, String taskKey, boolean allowed) {
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult();

    ResponseEntity<String> claim = post(user, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
    ResponseEntity<String> complete = post(user, "/engine-rest/task/" + task.getId() + "/complete", Map.of());

    if (allowed) {
      assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    } else {
      assertThat(claim.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      assertThat(complete.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }
  }

  @Test
  @DisplayName("a support agent opens the form of their task, but not of finance's")
  void supportOpensOwnTaskForm() {
    Task support = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Task_SupportWork")
        .singleResult();
    Task finance = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Task_FinanceWork")
        .singleResult();

    ResponseEntity<String> ownForm = rest.withBasicAuth("anna", PASSWORD)
        .getForEntity("/engine-rest/task/" + support.getId() + "/deployed-form", String.class);
    ResponseEntity<String> otherForm = rest.withBasicAuth("anna", PASSWORD)
        .getForEntity("/engine-rest/task/" + finance.getId() + "/deployed-form", String.class);

    assertThat(ownForm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ownForm.getBody()).contains("access-fixture-work");
    assertThat(otherForm.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
  }

  @ParameterizedTest(name = "{0} reads the running case in Cockpit: {1}")
  @CsvSource({"mia, true", "alex, false", "admin, true", "anna, false", "fred, false"})
  void onlyManagersAndAdminReadRunningCases(String user, boolean visible) {
    ResponseEntity<List<Map<String, Object>>> instances =
        get(user, "/engine-rest/process-instance?processInstanceIds=" + instanceId);

    assertThat(instances.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(instances.getBody()).hasSize(visible ? 1 : 0);
  }

  @ParameterizedTest(name = "{0} may deploy models: {1}")
  @CsvSource({"alex, true", "admin, true", "mia, false", "anna, false", "fred, false", "shop, false"})
  void onlyAnalystsAndAdminDeploy(String user, boolean allowed) throws Exception {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", "modeler-deployment-by-" + user);
    byte[] bpmn = new ClassPathResource("deployer/processes/fixture-claim.bpmn").getContentAsByteArray();
    body.add("fixture-claim.bpmn", new ByteArrayResource(bpmn) {
      @Override
      public String getFilename() {
        return "fixture-claim.bpmn";
      }
    });
    // The form its user task links travels with it, as Modeler deploys a diagram with its forms.
    byte[] form = new ClassPathResource("deployer/forms/fixture-review.form").getContentAsByteArray();
    body.add("fixture-review.form", new ByteArrayResource(form) {
      @Override
      public String getFilename() {
        return "fixture-review.form";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);

    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth(user, PASSWORD).exchange(
        "/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers),
        new ParameterizedTypeReference<>() {
        });

    if (allowed) {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      repositoryService.deleteDeployment((String) response.getBody().get("id"), true);
    } else {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(repositoryService.createDeploymentQuery().deploymentName("modeler-deployment-by-" + user).count())
        .isZero();
  }

  @ParameterizedTest(name = "{0} reads the Tasklist filters {1}")
  @CsvSource({
      "anna, 'My tasks|My group''s queue|Due within 24 h'",
      "fred, 'My tasks|My group''s queue|Due within 24 h'",
      "mia, 'My tasks|My group''s queue|Due within 24 h|Escalated'",
      "alex, ''"})
  void eachGroupReadsTheFiltersThatServeIt(String user, String filters) {
    ResponseEntity<List<Map<String, Object>>> response = get(user, "/engine-rest/filter?resourceType=Task");

    List<String> expected = filters.isBlank() ? List.of() : List.of(filters.split("\\|"));
    assertThat(response.getBody()).extracting(f -> f.get("name")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @DisplayName("the group queue filter shows a support agent the unclaimed support task of the case")
  void groupQueueFilterListsTheSupportTask() {
    String filterId = (String) get("anna", "/engine-rest/filter?name=" + TasklistFilters.MY_GROUP_QUEUE)
        .getBody().get(0).get("id");

    ResponseEntity<List<Map<String, Object>>> tasks = get("anna", "/engine-rest/filter/" + filterId + "/list");

    // Other cases' support tasks may be listed too (the database is shared); of this case, only support's.
    assertThat(tasks.getBody()).filteredOn(t -> instanceId.equals(t.get("processInstanceId")))
        .extracting(t -> t.get("taskDefinitionKey")).containsExactly("Task_SupportWork");
    assertThat(tasks.getBody()).extracting(t -> t.get("taskDefinitionKey"))
        .doesNotContain("Task_FinanceWork", "Task_ManagerApproval");
  }

  @ParameterizedTest(name = "{0} logs in to {1}: HTTP {2}")
  @CsvSource({
      "anna, tasklist, 200", "anna, cockpit, 403",
      "fred, tasklist, 200", "fred, cockpit, 403",
      "mia, tasklist, 200", "mia, cockpit, 200",
      "alex, cockpit, 200", "alex, tasklist, 403",
      "shop, tasklist, 403", "shop, cockpit, 403",
      "admin, admin, 200", "mia, admin, 403"})
  void webappAccessFollowsTheGroups(String user, String app, int status) throws Exception {
    assertThat(CamundaWebapps.loginStatus(port, app, user, PASSWORD)).isEqualTo(status);
  }

  private ResponseEntity<List<Map<String, Object>>> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, LIST);
  }

  private ResponseEntity<String> post(String user, String path, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }
}
