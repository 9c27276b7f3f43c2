package org.claimdesk.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.ServiceLevels;
import org.claimdesk.commerce.Customer;
import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.commerce.Subscription;
import org.claimdesk.commerce.SubscriptionService;
import org.claimdesk.engine.EngineClock;
import org.claimdesk.engine.TaskPriorities;
import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.FakeCases;
import org.claimdesk.testsupport.FirstReplyBeans;
import org.claimdesk.testsupport.FakePayouts;
import org.claimdesk.testsupport.RecordingMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code subscription-cancellation} on a real engine with its real decision, one test per
 * rule: the refund decision (SC-3, SC-4) kept apart from when access ends (SC-2), billing
 * stopped at once (SC-1). Timers fire by moving the engine clock and executing the due job.
 */
@Deployment(resources = {"processes/subscription-cancellation.bpmn", "processes/cancellation-refund.dmn",
    "forms/review-cancellation-refund.form", "forms/handle-escalation.form"})
class SubscriptionCancellationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  static final String REF = "CD-CANCEL01";
  static final String SUB = "sub-1";
  static final Instant CYCLE_END = NOW.plus(Duration.ofDays(20));

  ProcessEngine engine;
  FakeCases cases;
  RecordingMessages messages;
  FakePayouts payouts;
  SubscriptionService subscriptions;
  PaymentService payments;

  @BeforeEach
  void wireTheProcess() {
    engine = extension.getProcessEngine();
    ClockUtil.setCurrentTime(Date.from(NOW));
    cases = new FakeCases();
    messages = new RecordingMessages();
    payouts = new FakePayouts();
    subscriptions = mock(SubscriptionService.class);
    payments = mock(PaymentService.class);
    OrderService orders = mock(OrderService.class);
    when(orders.findCustomer("cus-1")).thenReturn(Optional.of(
        new Customer("cus-1", "Marie Dubois", "marie@example.com", Customer.Language.FR)));
    EngineClock clock = new EngineClock();
    ServiceLevels levels = FirstReplyBeans.serviceLevels(clock);
    FirstReplyBeans.register(levels, cases, messages, clock);
    // Every step of the process is a member of its one tasks bean.
    Mocks.register("cancellationTasks",
        new CancellationTasks(subscriptions, payments, orders, cases, messages, payouts, clock));
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  @DisplayName("SC-3: cancelled 6 days after the last payment, with a refund asked: the payment is refunded once")
  void SC3_refundWithinSevenDaysOfTheLastPayment() {
    ProcessInstance cancellation = cancel(6, "END_OF_CYCLE", true, "NO_LONGER_NEEDED", "standard");

    assertThat(caseRecord().status()).as("decided before the money moves").isEqualTo(CaseStatus.IN_PAYMENT);
    assertThat(caseRecord().outcome()).isEqualTo(CaseOutcome.REFUNDED);
    verify(subscriptions).stopBilling(SUB, NOW, CYCLE_END);
    executeAsyncJobs(cancellation);

    assertThat(payouts.payouts).containsOnlyKeys(REF + ":refund");
    assertThat(payouts.payouts.get(REF + ":refund").target()).isEqualTo("pay-last");
    assertThat(payouts.payouts.get(REF + ":refund").amount()).isEqualTo(Money.of(1999, "EUR"));
    verify(subscriptions).recordRefund(SUB, 1999);
    assertCase(CaseStatus.RESOLVED, CaseOutcome.REFUNDED, "SC-3");
    assertThat(messages.last(CustomerMessage.CANCELLATION_CONFIRMED).parameters())
        .containsEntry("refundDecision", "REFUND").containsEntry("amount", Money.of(1999, "EUR"))
        .containsEntry("accessEndsAt", CYCLE_END).containsEntry("ruleId", "SC-3");
    assertThat(cancellation).isWaitingAt("Timer_CycleEndsAfterRefund");
  }

  @Test
  @DisplayName("SC-3 / #20 point 2: the refund paid is the decision on the case; a refund variable raised before the payout job changes nothing")
  void SC3_refundPaidIsTheRecordedDecision() {
    ProcessInstance cancellation = cancel(6, "END_OF_CYCLE", true, "NO_LONGER_NEEDED", "standard");
    assertThat(cases.decidedPayout(REF, CancellationTasks.REFUND_STEP))
        .hasValueSatisfying(decided -> assertThat(decided.amount()).isEqualTo(Money.of(1999, "EUR")));

    // what someone with the engine's rights could do between the decision and the payout
    engine.getRuntimeService().setVariable(cancellation.getId(), CancellationVariables.REFUND_AMOUNT_MINOR, 999_999L);
    executeAsyncJobs(cancellation);

    assertThat(payouts.payouts.get(REF + ":refund").amount()).isEqualTo(Money.of(1999, "EUR"));
  }

  @Test
  @DisplayName("SC-3: cancelled 8 days after the last payment: no refund, future billing stopped")
  void SC3_noRefundAfterSevenDays() {
    ProcessInstance cancellation = cancel(8, "END_OF_CYCLE", true, "NO_LONGER_NEEDED", "standard");

    verify(subscriptions).stopBilling(SUB, NOW, CYCLE_END);
    assertThat(payouts.calls).isEmpty();
    assertCase(CaseStatus.RESOLVED, CaseOutcome.CANCELLED, "SC-3");
    assertThat(messages.last(CustomerMessage.CANCELLATION_CONFIRMED).parameters())
        .containsEntry("refundDecision", "NO_REFUND").doesNotContainKey("amount");
    assertThat(cancellation).isWaitingAt("Gateway_AwaitCycleEnd");
  }

  @Test
  @DisplayName("SC-2: with access to the end of the cycle, access ends when the cycle-end timer fires")
  void SC2_endOfCycleAccessEndsWhenTheTimerFires() {
    ProcessInstance cancellation = cancel(8, "END_OF_CYCLE", false, "NO_LONGER_NEEDED", "standard");
    verify(subscriptions, never()).endAccess(any(), any());

    fireTimersDueBy(CYCLE_END);

    verify(subscriptions).endAccess(SUB, CYCLE_END);
    assertThat(messages.last(CustomerMessage.ACCESS_ENDED).parameters()).containsEntry("accessEndedAt", CYCLE_END);
    assertThat(cancellation).isEnded().hasPassed("Task_EndAccess");
    assertCase(CaseStatus.RESOLVED, CaseOutcome.CANCELLED, "SC-1");
  }

  @Test
  @DisplayName("SC-2: an immediate stop ends access at once, with billing")
  void SC2_immediateStopEndsAccessAtOnce() {
    ProcessInstance cancellation = cancel(2, "IMMEDIATE", false, "NO_LONGER_NEEDED", "standard");

    verify(subscriptions).stopBilling(SUB, NOW, NOW);
    verify(subscriptions).endAccess(SUB, NOW);
    assertThat(cancellation).isEnded().hasPassed("Event_CancelledNow");
    assertThat(messages.last(CustomerMessage.CANCELLATION_CONFIRMED).parameters()).containsEntry("accessEndsAt", NOW)
        .containsEntry("mode", "IMMEDIATE");
  }

  @Test
  @DisplayName("SC-2: withdrawn before the cycle ends, billing and access are restored and the case closes")
  void SC2_withdrawalBeforeTheCycleEnds() {
    ProcessInstance cancellation = cancel(8, "END_OF_CYCLE", false, "NO_LONGER_NEEDED", "standard");
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(3))));

    engine.getRuntimeService().createMessageCorrelation(CancellationProcess.MESSAGE_WITHDRAWN)
        .processInstanceBusinessKey(REF).correlate();

    verify(subscriptions).restore(SUB);
    verify(subscriptions, never()).endAccess(any(), any());
    assertThat(cancellation).isEnded().hasPassed("Task_RestoreSubscription");
    assertCase(CaseStatus.CLOSED, CaseOutcome.WITHDRAWN, "SC-2");
    assertThat(messages.messages()).contains(CustomerMessage.CANCELLATION_WITHDRAWN);
  }

  @Test
  @DisplayName("SC-2: once the last payment was refunded, the cancellation cannot be withdrawn")
  void SC2_refundedCancellationCannotBeWithdrawn() {
    ProcessInstance cancellation = cancel(3, "END_OF_CYCLE", true, "NO_LONGER_NEEDED", "standard");
    executeAsyncJobs(cancellation);

    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(cancellation.getId())
        .eventName(CancellationProcess.MESSAGE_WITHDRAWN).count()).isZero();
    fireTimersDueBy(CYCLE_END);
    verify(subscriptions).endAccess(SUB, CYCLE_END);
  }

  @Test
  @DisplayName("SC-4: under the strict profile, unused time is not refunded")
  void SC4_strictProfileRefundsNothing() {
    cancel(2, "END_OF_CYCLE", true, "NO_LONGER_NEEDED", "strict");

    assertThat(payouts.calls).isEmpty();
    assertCase(CaseStatus.RESOLVED, CaseOutcome.CANCELLED, "SC-4");
  }

  @Test
  @DisplayName("SC-4: under the strict profile, a billing error goes to support, who may refund part of it")
  void SC4_strictProfileBillingErrorIsReviewedAndPartlyRefunded() {
    ProcessInstance cancellation = cancel(2, "END_OF_CYCLE", true, "BILLING_ERROR", "strict");

    assertThat(cancellation).isWaitingAt("Task_ReviewClaim");
    Task review = review(cancellation);
    assertThat(review.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(48)));
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anyMatch(link -> "support".equals(link.getGroupId()));
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.IN_REVIEW);
    assertThat(messages.messages()).containsExactly(CustomerMessage.CLAIM_RECEIVED);
    verify(subscriptions).stopBilling(SUB, NOW, CYCLE_END);

    engine.getTaskService().complete(review.getId(), Map.of("reviewRefund", "PARTIAL", "refundAmount", 10.0,
        "replyMessage", "We charged you twice for a day; here it is back."));
    executeAsyncJobs(cancellation);

    assertThat(payouts.payouts.get(REF + ":refund").amount()).isEqualTo(Money.of(1000, "EUR"));
    assertCase(CaseStatus.RESOLVED, CaseOutcome.PARTIALLY_REFUNDED, "SC-4");
    assertThat(messages.last(CustomerMessage.CANCELLATION_CONFIRMED).parameters())
        .containsEntry("agentMessage", "We charged you twice for a day; here it is back.");
  }

  @Test
  @DisplayName("SC-4: a reviewer may also refuse the refund; billing stays stopped")
  void SC4_reviewerRefusesTheRefund() {
    ProcessInstance cancellation = cancel(2, "IMMEDIATE", true, "SERVICE_ISSUE", "strict");

    engine.getTaskService().complete(review(cancellation).getId(), Map.of("reviewRefund", "NONE",
        "replyMessage", "The service worked as described."));

    assertThat(payouts.calls).isEmpty();
    assertCase(CaseStatus.RESOLVED, CaseOutcome.CANCELLED, "SC-4");
    assertThat(cancellation).isEnded();
  }

  @Test
  @DisplayName("SC-1 / SL-1: a review left 24 h rises in priority; billing was stopped at the request, not later")
  void SL1_lateReviewOfACancellationRisesInPriority() {
    ProcessInstance cancellation = cancel(2, "END_OF_CYCLE", true, "BILLING_ERROR", "strict");

    fireTimersDueBy(NOW.plus(Duration.ofHours(24)));

    assertThat(review(cancellation).getPriority()).isEqualTo(TaskPriorities.ESCALATED);
    assertThat(messages.staff).hasSize(1);
    verify(subscriptions).stopBilling(SUB, NOW, CYCLE_END);
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance cancel(int daysSinceLastPayment, String mode, boolean refundRequested, String reason,
      String profile) {
    Instant paidAt = NOW.minus(Duration.ofDays(daysSinceLastPayment));
    when(subscriptions.findSubscription(SUB)).thenReturn(Optional.of(new Subscription(SUB, "cus-1", "ord-sub",
        "Pro monthly", 1999L, "EUR", paidAt, CYCLE_END, "pay-last", Subscription.Status.ACTIVE, true, null, null,
        null)));
    when(payments.findPayment("pay-last")).thenReturn(Optional.of(
        new Payment("pay-last", "ord-sub", "ch_sub", 1999L, "EUR", paidAt, Payment.Status.CAPTURED)));
    cases.open(REF, SUB, profile, NOW);
    return engine.getRuntimeService().startProcessInstanceByKey(CancellationProcess.KEY, REF, Map.of(
        CancellationProcess.CASE_REFERENCE, REF, CancellationProcess.SUBSCRIPTION_ID, SUB,
        CancellationProcess.MODE, mode, CancellationProcess.REFUND_REQUESTED, refundRequested,
        CancellationProcess.REASON, reason, CancellationProcess.POLICY_PROFILE, profile));
  }

  private Task review(ProcessInstance cancellation) {
    return engine.getTaskService().createTaskQuery().processInstanceId(cancellation.getId())
        .taskDefinitionKey("Task_ReviewClaim").singleResult();
  }

  private void fireTimersDueBy(Instant target) {
    EngineJobs.fireTimersDueBy(engine.getManagementService(), target);
  }

  private void executeAsyncJobs(ProcessInstance instance) {
    EngineJobs.executeAsyncJobs(engine.getManagementService(), instance.getId());
  }

  private CaseRecord caseRecord() {
    return cases.get(REF);
  }

  private void assertCase(CaseStatus status, CaseOutcome outcome, String ruleId) {
    assertThat(caseRecord().status()).isEqualTo(status);
    assertThat(caseRecord().outcome()).isEqualTo(outcome);
    assertThat(caseRecord().ruleId()).isEqualTo(ruleId);
  }
}
