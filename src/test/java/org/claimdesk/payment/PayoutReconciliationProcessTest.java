package org.claimdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code payout-reconciliation} on a real engine: every hour by its timer, at once when the
 * processor reports a failed refund (message start), the comparison in an async job; a mismatch
 * fails that job without retries, an incident in Cockpit naming every mismatch, and a manager's
 * retry compares again.
 */
@Deployment(resources = "processes/payout-reconciliation.bpmn")
class PayoutReconciliationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  static final String KEY = "payout-reconciliation";

  ProcessEngine engine;
  ManagementService management;
  PayoutReconciliation reconciliation;

  @BeforeEach
  void wire() {
    engine = extension.getProcessEngine();
    management = engine.getManagementService();
    ClockUtil.setCurrentTime(Date.from(NOW));
    reconciliation = mock(PayoutReconciliation.class);
    when(reconciliation.reconcile()).thenReturn(report(List.of()));
    Mocks.register("reconcilePayoutsDelegate", new ReconcilePayoutsDelegate(reconciliation));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    Mocks.reset();
  }

  static PayoutReconciliation.Report report(List<PayoutMismatch> mismatches) {
    return new PayoutReconciliation.Report(NOW.minus(Duration.ofDays(7)), NOW, 3, 1, 2, mismatches);
  }

  @Test
  @DisplayName("every hour: the timer starts a run whose job compares once and ends agreed; the next hour is scheduled")
  void runsEveryHour() {
    Job timer = management.createJobQuery().processDefinitionKey(KEY).timers().singleResult();
    assertThat(timer.getDuedate()).isAfter(Date.from(NOW)).isBeforeOrEqualTo(Date.from(NOW.plus(Duration.ofHours(1))));

    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());
    Job comparison = management.createJobQuery().processDefinitionKey(KEY).messages().singleResult();
    assertThat(comparison).as("the comparison runs in its own job, after the timer committed").isNotNull();
    management.executeJob(comparison.getId());

    verify(reconciliation, times(1)).reconcile();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).finished()
        .singleResult().getEndActivityId()).isEqualTo("Event_PayoutsReconciled");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("refundsCompared")
        .singleResult().getValue()).isEqualTo(3);
    Job next = management.createJobQuery().processDefinitionKey(KEY).timers().singleResult();
    assertThat(next.getDuedate()).isAfter(timer.getDuedate());
  }

  @Test
  @DisplayName("a refund failure reported by the processor starts a run at once, beside the hourly timer")
  void runsWhenAFailureIsReported() {
    engine.getRuntimeService().createMessageCorrelation("PayoutReconciliationRequested").correlateStartMessage();

    management.executeJob(management.createJobQuery().processDefinitionKey(KEY).messages().singleResult().getId());

    verify(reconciliation, times(1)).reconcile();
    assertThat(management.createJobQuery().processDefinitionKey(KEY).timers().count()).isOne();
  }

  @Test
  @DisplayName("a mismatch: the job fails without retries, an incident lists it; the retry after the fix compares again and ends")
  void mismatchIsAnIncidentUntilRetried() {
    PayoutMismatch twice = new PayoutMismatch(PayoutMismatch.Kind.DUPLICATE_AT_PROCESSOR, "CD-7K2M9QXA:refund",
        "re_2", "two live refunds under one key");
    when(reconciliation.reconcile()).thenReturn(report(List.of(twice)));
    engine.getRuntimeService().createMessageCorrelation("PayoutReconciliationRequested").correlateStartMessage();
    Job comparison = management.createJobQuery().processDefinitionKey(KEY).messages().singleResult();

    assertThatThrownBy(() -> management.executeJob(comparison.getId())).isInstanceOf(PayoutMismatchException.class);

    Incident incident = engine.getRuntimeService().createIncidentQuery().singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_ReconcilePayouts");
    assertThat(incident.getIncidentMessage()).contains("DUPLICATE_AT_PROCESSOR CD-7K2M9QXA:refund / re_2");
    assertThat(management.createJobQuery().jobId(comparison.getId()).singleResult().getRetries()).isZero();

    when(reconciliation.reconcile()).thenReturn(report(List.of()));
    management.setJobRetries(comparison.getId(), 1);
    management.executeJob(comparison.getId());

    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    verify(reconciliation, times(2)).reconcile();
  }
}
