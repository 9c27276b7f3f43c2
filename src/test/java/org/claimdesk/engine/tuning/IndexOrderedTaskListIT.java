package org.claimdesk.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task list on PostgreSQL ({@link IndexOrderedTaskList}) answers every task query with the same
 * tasks in the same order as Camunda's own statement: the queries below run once through the
 * engine as installed and once with the engine's mapping back to Camunda's statement, as a support
 * agent (authorization checked) and without authentication. The tasks are this test's own (their
 * names start with {@link #NAME}), with distinct due dates, priorities that tie, two candidate
 * groups on each process task, one standalone task without a due date, and one task assigned.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexOrderedTaskListIT {

  private static final String NAME = "IndexOrderedTaskListIT";
  private static final String PROCESS = "indexOrderedTaskListIT";
  private static final int TASKS = 30;

  @Autowired
  ProcessEngineConfigurationImpl engine;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;

  private String deployment;
  private String standaloneTask;

  @BeforeAll
  void createTasks() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name(NAME).camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Review").name(NAME + " review ${n}").camundaCandidateGroups("support, finance")
        .camundaDueDate("${due}").camundaPriority("${priority}")
        .endEvent()
        .done();
    deployment = repositoryService.createDeployment().name(NAME).addModelInstance(PROCESS + ".bpmn", model).deploy()
        .getId();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (int n = 0; n < TASKS; n++) {
      // due dates out of creation order, each its own; five priorities, so priorities tie
      Date due = Date.from(now.plus((n * 7L) % TASKS + 1, ChronoUnit.HOURS));
      runtimeService.startProcessInstanceByKey(PROCESS, Variables.createVariables()
          .putValue("n", String.format("%02d", n)).putValue("due", due).putValue("priority", 50 + n % 5 * 10));
    }
    Task standalone = taskService.newTask();
    standalone.setName(NAME + " standalone, no due date");
    taskService.saveTask(standalone);
    standaloneTask = standalone.getId();
    taskService.addCandidateGroup(standaloneTask, "support");
    String assigned = taskService.createTaskQuery().processDefinitionKey(PROCESS).taskName(NAME + " review 03")
        .singleResult().getId();
    taskService.setAssignee(assigned, "anna");
  }

  @AfterAll
  void removeTasks() {
    repositoryService.deleteDeployment(deployment, true);
    taskService.deleteTask(standaloneTask, true);
  }

  @Test
  void theStatementIsInstalledOnPostgres() {
    assertThat(engine.getDbSqlSessionFactory().mapStatement(IndexOrderedTaskList.CAMUNDA_STATEMENT))
        .isEqualTo(IndexOrderedTaskList.STATEMENT);
    assertThat(engine.getSqlSessionFactory().getConfiguration().hasStatement(IndexOrderedTaskList.STATEMENT)).isTrue();
  }

  @Test
  void aSupportAgentSeesWhatCamundasStatementShows() {
    identityService.setAuthentication("anna", List.of("support"));
    try {
      assertSameAsCamunda();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void withoutAuthenticationTheListsAreCamundasToo() {
    assertSameAsCamunda();
  }

  @Test
  void eachTaskIsListedOnceHoweverManyOfItsCandidateGroupsMatch() {
    List<Task> tasks = taskService.createTaskQuery().taskNameLike(NAME + "%").taskCandidateGroupIn(List.of("support", "finance"))
        .orderByDueDate().asc().list();

    // the unassigned process tasks (each offered to both groups) and the standalone one
    assertThat(tasks).hasSize(TASKS - 1 + 1).extracting(Task::getId).doesNotHaveDuplicates();
    assertThat(tasks).extracting(Task::getDueDate).isSortedAccordingTo((a, b) -> {
      if (a == null || b == null) {
        return a == null ? (b == null ? 0 : 1) : -1;
      }
      return a.compareTo(b);
    });
    assertThat(tasks.get(tasks.size() - 1).getId()).as("no due date comes last, as on Camunda's statement")
        .isEqualTo(standaloneTask);
  }

  private void assertSameAsCamunda() {
    Map<String, Supplier<List<Task>>> lists = new HashMap<>();
    lists.put("my group's queue, first page", () -> mine().taskCandidateGroup("support").taskUnassigned()
        .orderByDueDate().asc().listPage(0, 15));
    lists.put("second page, latest due first", () -> mine().taskCandidateGroup("support")
        .orderByDueDate().desc().listPage(15, 15));
    lists.put("escalated: priority, then due date", () -> mine().taskCandidateGroupIn(List.of("support", "finance"))
        .orderByTaskPriority().desc().orderByDueDate().asc().listPage(0, 12));
    lists.put("newest first", () -> mine().orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(2, 10));
    lists.put("name ignoring case", () -> mine().taskNameLike(NAME + " review 1%")
        .orderByTaskNameCaseInsensitive().asc().list());
    lists.put("no ordering", () -> mine().taskCandidateGroup("support").list());
    lists.put("or: assigned or due soon", () -> mine().or().taskAssignee("anna").dueBefore(Date.from(Instant.now()
        .plus(5, ChronoUnit.HOURS))).endOr().orderByDueDate().asc().list());
    lists.put("with candidate groups, assigned included", () -> mine().withCandidateGroups().taskCandidateGroup("finance")
        .includeAssignedTasks().orderByDueDate().asc().list());
    lists.put("by a variable (Camunda's statement)", () -> mine().processDefinitionKey(PROCESS)
        .orderByProcessVariable("n", ValueType.STRING).desc().listPage(0, 8));

    lists.forEach((what, list) -> {
      List<String> installed = ids(list.get());
      List<String> camundas = ids(onCamundasStatement(list));
      assertThat(installed).as(what).isNotEmpty().isEqualTo(camundas);
    });
  }

  private TaskQuery mine() {
    return taskService.createTaskQuery().taskNameLike(NAME + "%");
  }

  /** The list as Camunda's own statement gives it: the engine's mapping to ours taken out meanwhile. */
  private List<Task> onCamundasStatement(Supplier<List<Task>> list) {
    DbSqlSessionFactory statements = engine.getDbSqlSessionFactory();
    Map<String, String> installed = statements.getStatementMappings();
    Map<String, String> camundas = new HashMap<>(installed);
    camundas.remove(IndexOrderedTaskList.CAMUNDA_STATEMENT);
    statements.setStatementMappings(camundas);
    try {
      return list.get();
    } finally {
      statements.setStatementMappings(installed);
    }
  }

  private static List<String> ids(List<Task> tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(task -> ids.add(task.getId()));
    return ids;
  }
}
