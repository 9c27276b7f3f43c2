package org.claimdesk.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.claimdesk.cases.CaseType;
import org.claimdesk.dashboard.DashboardFigures.Breaches;
import org.claimdesk.dashboard.DashboardFigures.Durations;
import org.claimdesk.dashboard.DashboardFigures.FirstRepliesDue;
import org.claimdesk.dashboard.DashboardFigures.MoneyIncident;
import org.claimdesk.dashboard.DashboardFigures.OpenCases;
import org.claimdesk.dashboard.DashboardFigures.Outcome;
import org.claimdesk.dashboard.DashboardFigures.PayoutLine;
import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures. Everything about cases comes from the case record (schema
 * {@code claimdesk}: cases, SLA breaches, payouts), which history cleanup never touches; only
 * what is running comes from the engine's runtime tables (open review tasks, open incidents).
 * Each figure is one aggregate query on an index (V9), or an engine count query; lists are
 * bounded or paged.
 */
@Service
@Transactional(readOnly = true)
public class DashboardQueries {

  static final String ALL_PROCESSES = "all";

  private final JdbcClient jdbc;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final DashboardProperties properties;
  private final Clock clock;
  /** The candidate groups of the review task, by process definition id (definitions never change). */
  private final Map<String, String> reviewGroups = new ConcurrentHashMap<>();

  DashboardQueries(JdbcClient jdbc, TaskService tasks, RuntimeService runtime, RepositoryService repository,
      DashboardProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
  }

  public DashboardFigures figures() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC)
        .toInstant();
    Instant monthStart = today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Breaches> byProcess = breachesByProcess(weekStart, monthStart);
    return new DashboardFigures(now, weekStart, monthStart, openCases(), firstRepliesDue(now), byProcess,
        breachesByGroup(byProcess), times(monthStart), outcomes(monthStart), moneyIncidents());
  }

  List<OpenCases> openCases() {
    return jdbc.sql("""
            select type, status, count(*) as cases from claimdesk.claim_case
            where status not in ('RESOLVED', 'REJECTED', 'CLOSED')
            group by type, status order by type, status""")
        .query((rs, row) -> new OpenCases(processOf(rs.getString("type")), rs.getString("status"),
            rs.getLong("cases")))
        .list();
  }

  List<FirstRepliesDue> firstRepliesDue(Instant now) {
    List<FirstRepliesDue> due = new ArrayList<>();
    for (CaseType type : CaseType.values()) {
      long soon = reviewTasks(type).dueAfter(Date.from(now)).dueBefore(Date.from(now.plus(Duration.ofHours(24))))
          .count();
      long overdue = reviewTasks(type).dueBefore(Date.from(now)).count();
      due.add(new FirstRepliesDue(type.processKey(), soon, overdue));
    }
    return due;
  }

  /** Open first replies past their due date, the longest overdue first. */
  public List<OverdueReply> overdueReplies(int page, int size) {
    int pageSize = Math.min(size, properties.maxPageSize());
    // the review tasks of every process at once: no process has another's review task id as a task of its own
    return tasks.createTaskQuery().taskDefinitionKeyIn(properties.reviewTasks().values().stream().distinct()
            .toArray(String[]::new))
        .dueBefore(Date.from(clock.instant()))
        .orderByDueDate().asc().orderByTaskId().asc()
        .listPage(page * pageSize, pageSize).stream()
        .map(task -> new OverdueReply(businessKeyOf(task), processKeyOf(task.getProcessDefinitionId()),
            task.getName(), task.getDueDate().toInstant(), task.getAssignee(), task.getPriority()))
        .toList();
  }

  /** An open first reply past its due date (SL-1). */
  public record OverdueReply(String caseReference, String process, String task, Instant dueAt, String assignee,
      int priority) {
  }

  private org.camunda.bpm.engine.task.TaskQuery reviewTasks(CaseType type) {
    String review = properties.reviewTaskOf(type.processKey());
    return tasks.createTaskQuery().processDefinitionKey(type.processKey())
        .taskDefinitionKey(review == null ? "-" : review);
  }

  List<Breaches> breachesByProcess(Instant weekStart, Instant monthStart) {
    Instant from = weekStart.isBefore(monthStart) ? weekStart : monthStart;
    Map<String, Breaches> byProcess = new LinkedHashMap<>();
    for (CaseType type : CaseType.values()) {
      byProcess.put(type.processKey(), new Breaches(type.processKey(), 0, 0));
    }
    jdbc.sql("""
            select c.type,
                   sum(case when b.breached_at >= :weekStart then 1 else 0 end) as this_week,
                   sum(case when b.breached_at >= :monthStart then 1 else 0 end) as this_month
            from claimdesk.case_sla_breach b join claimdesk.claim_case c on c.reference = b.case_reference
            where b.breached_at >= :from
            group by c.type""")
        .param("weekStart", DbTimes.toDb(weekStart))
        .param("monthStart", DbTimes.toDb(monthStart))
        .param("from", DbTimes.toDb(from))
        .query((rs, row) -> new Breaches(processOf(rs.getString("type")), rs.getLong("this_week"),
            rs.getLong("this_month")))
        .list()
        .forEach(breaches -> byProcess.put(breaches.key(), breaches));
    return List.copyOf(byProcess.values());
  }

  /** The breaches of each process count against the group its review task is offered to. */
  List<Breaches> breachesByGroup(List<Breaches> byProcess) {
    Map<String, Breaches> byGroup = new LinkedHashMap<>();
    for (Breaches breaches : byProcess) {
      String group = reviewGroupOf(breaches.key());
      byGroup.merge(group, new Breaches(group, breaches.thisWeek(), breaches.thisMonth()),
          (a, b) -> new Breaches(group, a.thisWeek() + b.thisWeek(), a.thisMonth() + b.thisMonth()));
    }
    return byGroup.values().stream().sorted(Comparator.comparing(Breaches::key)).toList();
  }

  List<Durations> times(Instant since) {
    Map<String, Durations> byProcess = new LinkedHashMap<>();
    byProcess.put(ALL_PROCESSES, durations(ALL_PROCESSES, since, null));
    for (CaseType type : CaseType.values()) {
      byProcess.put(type.processKey(), durations(type.processKey(), since, type));
    }
    return List.copyOf(byProcess.values());
  }

  private Durations durations(String process, Instant since, CaseType type) {
    Percentiles reply = percentiles("first_reply_at", since, type);
    Percentiles resolution = percentiles("closed_at", since, type);
    return new Durations(process, reply.count(), reply.median(), reply.p90(), resolution.count(),
        resolution.median(), resolution.p90());
  }

  private record Percentiles(long count, Double median, Double p90) {
  }

  /** Median and 90th percentile of {@code column - opened_at}, in seconds, for rows with {@code column >= since}. */
  private Percentiles percentiles(String column, Instant since, CaseType type) {
    String seconds = "extract(epoch from " + column + ") - extract(epoch from opened_at)";
    return jdbc.sql("select count(*) as n,"
            + " percentile_cont(0.5) within group (order by " + seconds + ") as p50,"
            + " percentile_cont(0.9) within group (order by " + seconds + ") as p90"
            + " from claimdesk.claim_case where " + column + " >= :since"
            + (type == null ? "" : " and type = :type"))
        .params(type == null ? Map.of("since", DbTimes.toDb(since))
            : Map.of("since", DbTimes.toDb(since), "type", type.name()))
        .query((rs, row) -> new Percentiles(rs.getLong("n"), nullableDouble(rs, "p50"), nullableDouble(rs, "p90")))
        .single();
  }

  List<Outcome> outcomes(Instant since) {
    return jdbc.sql("""
            select c.outcome, c.rule_id, count(distinct c.reference) as cases,
                   count(distinct case when c.first_reply_at is null then c.reference end) as without_review,
                   p.currency, sum(p.amount) as amount
            from claimdesk.claim_case c
            left join (select case_reference, currency, sum(amount) as amount from claimdesk.payout
                       where status = 'SUCCEEDED' group by case_reference, currency) p
              on p.case_reference = c.reference
            where c.closed_at >= :since
            group by c.outcome, c.rule_id, p.currency
            order by cases desc, c.outcome, c.rule_id""")
        .param("since", DbTimes.toDb(since))
        .query((rs, row) -> new Outcome(Optional.ofNullable(rs.getString("outcome")).orElse("NONE"),
            rs.getString("rule_id"), rs.getLong("cases"), rs.getLong("without_review"), rs.getString("currency"),
            rs.getObject("amount") == null ? null : rs.getLong("amount")))
        .list();
  }

  List<MoneyIncident> moneyIncidents() {
    List<MoneyIncident> incidents = new ArrayList<>();
    for (String activity : properties.moneyActivities()) {
      for (Incident incident : runtime.createIncidentQuery().activityId(activity).orderByIncidentTimestamp().asc()
          .listPage(0, properties.maxPageSize())) {
        String reference = referenceOf(incident.getProcessInstanceId());
        incidents.add(new MoneyIncident(incident.getId(), incident.getProcessInstanceId(), reference,
            processKeyOf(incident.getProcessDefinitionId()), activity, incident.getIncidentTimestamp().toInstant(),
            incident.getIncidentMessage(), reference == null ? List.of() : payoutsOf(reference)));
      }
    }
    incidents.sort(Comparator.comparing(MoneyIncident::since));
    return incidents;
  }

  /** The payouts recorded on a case, oldest first. */
  public List<PayoutLine> payoutsOf(String reference) {
    return jdbc.sql("""
            select idempotency_key, kind, amount, currency, status, attempts, last_error, updated_at
            from claimdesk.payout where case_reference = :reference order by created_at, idempotency_key""")
        .param("reference", reference)
        .query((rs, row) -> new PayoutLine(rs.getString("idempotency_key"), rs.getString("kind"),
            rs.getLong("amount"), rs.getString("currency").trim(), rs.getString("status"), rs.getInt("attempts"),
            rs.getString("last_error"), DbTimes.fromDb(rs, "updated_at")))
        .list();
  }

  private String referenceOf(String processInstanceId) {
    return jdbc.sql("select reference from claimdesk.claim_case where process_instance_id = :id")
        .param("id", processInstanceId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private String businessKeyOf(Task task) {
    return referenceOf(task.getProcessInstanceId());
  }

  private String processKeyOf(String processDefinitionId) {
    ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
    return definition.getKey();
  }

  /** The candidate groups of the latest version's review task ("none" when it has no such task). */
  String reviewGroupOf(String processKey) {
    ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    if (latest == null) {
      return "none";
    }
    return reviewGroups.computeIfAbsent(latest.getId(), id -> {
      String reviewTask = properties.reviewTaskOf(processKey);
      UserTask review = reviewTask == null ? null : repository.getBpmnModelInstance(id).getModelElementById(reviewTask);
      String groups = review == null ? null : review.getCamundaCandidateGroups();
      return groups == null || groups.isBlank() ? "none" : groups.strip();
    });
  }

  private static String processOf(String type) {
    return CaseType.valueOf(type).processKey();
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
