package org.claimdesk.engine;

import static org.claimdesk.engine.ClaimdeskGroups.FINANCE;
import static org.claimdesk.engine.ClaimdeskGroups.MANAGERS;
import static org.claimdesk.engine.ClaimdeskGroups.SUPPORT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters. Each is created once, at the first start (found again by name,
 * so restarts and several nodes don't duplicate it, and an admin's edits are kept), and is
 * readable by the groups it serves. A filter never widens what a user sees: the engine still
 * shows each user only the tasks they are authorized to read.
 */
@Component
public class TasklistFilters {

  /** A filter's name, its place in Tasklist, its query and the groups that read it. */
  public record Definition(String name, int priority, String description, Supplier<TaskQuery> query,
      List<String> readers) {
  }

  public static final String MY_TASKS = "My tasks";
  public static final String MY_GROUP_QUEUE = "My group's queue";
  public static final String DUE_WITHIN_24H = "Due within 24 h";
  public static final String ESCALATED = "Escalated";

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filterService;
  private final TaskService taskService;
  private final AccessSetup accessSetup;

  public TasklistFilters(FilterService filterService, TaskService taskService, AccessSetup accessSetup) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.accessSetup = accessSetup;
  }

  public List<Definition> definitions() {
    List<String> staff = List.of(SUPPORT, FINANCE, MANAGERS);
    return List.of(
        new Definition(MY_TASKS, 10, "Tasks assigned to me, the soonest due first",
            () -> taskService.createTaskQuery()
                .taskAssigneeExpression("${currentUser()}")
                .orderByDueDate().asc(), staff),
        new Definition(MY_GROUP_QUEUE, 20, "Unclaimed tasks offered to my groups, the soonest due first",
            () -> taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskUnassigned()
                .orderByDueDate().asc(), staff),
        new Definition(DUE_WITHIN_24H, 30, "Tasks whose reply is due within 24 hours, or overdue (SL-1)",
            () -> taskService.createTaskQuery()
                .dueBeforeExpression("${dateTime().plusHours(24)}")
                .orderByDueDate().asc(), staff),
        new Definition(ESCALATED, 40, "Late first replies and escalations to managers (SL-1)",
            () -> taskService.createTaskQuery()
                .taskMinPriority(TaskPriorities.ESCALATED)
                .orderByTaskPriority().desc()
                .orderByDueDate().asc(), List.of(MANAGERS)));
  }

  public void ensure() {
    for (Definition definition : definitions()) {
      Filter filter = filterService.createFilterQuery()
          .filterResourceType(Resources.TASK.resourceName())
          .filterName(definition.name())
          .singleResult();
      if (filter == null) {
        filter = filterService.newTaskFilter(definition.name())
            .setQuery(definition.query().get())
            .setProperties(properties(definition));
        filterService.saveFilter(filter);
        LOG.info("Created Tasklist filter '{}'", definition.name());
      }
      for (String group : definition.readers()) {
        accessSetup.ensure(AccessSetup.grant(group, Resources.FILTER, filter.getId(), Permissions.READ));
      }
    }
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    properties.put("howUndefinedVariable", "noop");
    properties.put("variables", List.of(
        Map.of("name", "caseReference", "label", "Case")));
    return properties;
  }
}
