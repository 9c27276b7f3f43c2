package org.claimdesk.discrepancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.ServiceLevelProperties;
import org.claimdesk.cases.ServiceLevels;
import org.claimdesk.commerce.Customer;
import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.engine.EngineClock;
import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.payment.PaymentProcessor;
import org.claimdesk.payment.ProcessorCharge;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.FakeCases;
import org.claimdesk.testsupport.FakePayouts;
import org.claimdesk.testsupport.FirstReplyBeans;
import org.claimdesk.testsupport.RecordingMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code payment-discrepancy} on a real engine with DMN {@code discrepancyLiability} (PD-1..PD-6,
 * SL-1): the 60-day window, a duplicate refunded without a person, liability decided from the
 * investigator's finding, the waits for the processor and the customer, money moved once, the
 * resolution document, and the follow-up that closes or reopens the case. Timers fire by moving
 * the engine clock; asynchronous steps run as the job executor would.
 */
@Deployment(resources = {"processes/payment-discrepancy.bpmn", "processes/discrepancy-liability.dmn",
    "forms/investigate-discrepancy.form", "forms/review-dissatisfaction.form", "forms/handle-escalation.form"})
class PaymentDiscrepancyProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  static final String REF = "CD-DISPUTE1";
  static final Money PAID = Money.of(4900, "EUR");
  static final DiscrepancyProperties PROPERTIES = new DiscrepancyProperties(Duration.ofDays(60),
      Duration.ofHours(24), Duration.ofDays(5), Duration.ofDays(10), Duration.ofDays(7), "support@loop.tech");
  /** As in {@link FirstReplyBeans#serviceLevels}: the customer is reminded at 5 days, the wait ends at 7. */
  static final ServiceLevelProperties SERVICE_LEVELS = new ServiceLevelProperties(Duration.ofHours(24),
      Duration.ofHours(48), Duration.ofDays(5), Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(14),
      Duration.ofHours(72), "lead@example.com");

  ProcessEngine engine;
  FakeCases cases;
  RecordingMessages messages;
  FakePayouts payouts;
  PaymentService payments;
  OrderService orders;
  PaymentProcessor processor;
  DiscrepancyFindings findings;
  ResolutionDocuments documents;
  final List<Resolution> documented = new ArrayList<>();
  final Map<String, Payment> paymentsById = new HashMap<>();
  final Order order = new Order("ord-1", new Customer("cus-1", "Marie Dubois", "marie@example.com",
      Customer.Language.FR), Order.ProductType.SERVICE, "Coaching session", PAID.amount(), "EUR",
      NOW.minus(Duration.ofDays(70)), LocalDate.of(2026, 9, 20), Order.ServiceStatus.RENDERED);

  @BeforeEach
  void wireTheProcess() {
    engine = extension.getProcessEngine();
    ClockUtil.setCurrentTime(Date.from(NOW));
    cases = new FakeCases();
    messages = new RecordingMessages();
    payouts = new FakePayouts();
    payments = mock(PaymentService.class);
    orders = mock(OrderService.class);
    processor = mock(PaymentProcessor.class);
    findings = mock(DiscrepancyFindings.class);
    documents = mock(ResolutionDocuments.class);
    when(payments.findPayment(anyString())).thenAnswer(call -> Optional.ofNullable(paymentsById.get(
        (String) call.getArgument(0))));
    when(payments.paymentsOfOrder("ord-1")).thenAnswer(call -> List.copyOf(paymentsById.values()));
    when(orders.findOrder("ord-1")).thenReturn(Optional.of(order));
    when(processor.findCharge(anyString())).thenAnswer(call -> paymentsById.values().stream()
        .filter(p -> p.processorReference().equals(call.getArgument(0)))
        .findFirst()
        .map(p -> new ProcessorCharge(p.processorReference(), p.money(), ProcessorCharge.Status.CAPTURED)));
    when(documents.issue(any(), any())).thenAnswer(call -> {
      documented.add(call.getArgument(0));
      return String.valueOf(documented.size());
    });

    EngineClock clock = new EngineClock();
    ServiceLevels levels = FirstReplyBeans.serviceLevels(clock);
    DiscrepancyTimes times = new DiscrepancyTimes(PROPERTIES, SERVICE_LEVELS, clock);
    DiscrepancyFacts facts = new DiscrepancyFacts(payments, orders);
    FirstReplyBeans.register(levels, cases, messages, clock);
    Mocks.register("discrepancyTimes", times);
    Mocks.register("discrepancyTasks", new DiscrepancyTasks(cases, messages, messages, levels, times, payouts, facts,
        new DiscrepancyChecks(payments, processor, PROPERTIES), findings, documents, clock));
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
  }

  // ------------------------------------------------------------------ PD-2, PD-1

  @Test
  @DisplayName("PD-2: reported on day 59 after the capture: acknowledged at once (PD-1) and investigated")
  void PD2_reportOnDay59IsAccepted() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(59))), DiscrepancyKind.NOT_RECOGNIZED);

    assertThat(report).isWaitingAt("Task_InvestigateDiscrepancy");
    assertThat(messages.messages()).containsExactly(CustomerMessage.DISCREPANCY_RECEIVED);
    assertThat(messages.last(CustomerMessage.DISCREPANCY_RECEIVED).parameters())
        .containsEntry("amount", PAID)
        .containsEntry("replyDueBy", NOW.plus(Duration.ofHours(48)));
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.IN_REVIEW);
    assertThat(engine.getTaskService().getIdentityLinksForTask(investigation().getId()))
        .anyMatch(link -> "finance".equals(link.getGroupId()));
    verify(findings).store(eq(REF), any());
  }

  @Test
  @DisplayName("PD-2: reported on day 61: answered at once, citing PD-2, with where help is still available")
  void PD2_reportOnDay61IsAnsweredWithPD2() {
    Instant capturedAt = NOW.minus(Duration.ofDays(61));
    ProcessInstance report = report(payment("pay-1", "ch_1", capturedAt), DiscrepancyKind.NOT_RECOGNIZED);

    assertThat(report).isEnded().hasPassed("Event_AnsweredOutsideWindow");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.REJECTED);
    assertThat(caseRecord().outcome()).isEqualTo(CaseOutcome.REFUSED);
    assertThat(caseRecord().ruleId()).isEqualTo("PD-2");
    assertThat(messages.messages()).containsExactly(CustomerMessage.DISCREPANCY_OUTSIDE_WINDOW);
    assertThat(messages.last(CustomerMessage.DISCREPANCY_OUTSIDE_WINDOW).parameters())
        .containsEntry("capturedAt", capturedAt)
        .containsEntry("windowEndedAt", capturedAt.plus(Duration.ofDays(60)))
        .containsEntry("supportContact", "support@loop.tech");
    verify(processor, never()).findCharge(any());
  }

  // ------------------------------------------------------------------ duplicate found automatically

  @Test
  @DisplayName("PD-4: a duplicate charge the checks prove is refunded once, on the later payment, without a person")
  void PD4_duplicateChargeFoundAutomaticallyIsRefundedOnce() {
    Payment first = payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(3)));
    payment("pay-2", "ch_2", NOW.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(4)));
    payouts.failuresToThrow = 1;

    ProcessInstance report = startReport(first, DiscrepancyKind.DUPLICATE_CHARGE);
    runChecks(report);
    Job refundJob = engine.getManagementService().createJobQuery().processInstanceId(report.getId()).singleResult();
    assertThat(refundJob).isNotNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> engine.getManagementService().executeJob(refundJob.getId())).hasMessageContaining("processor unavailable");
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    assertThat(report).hasPassed("Task_RefundPayment", "Task_DocumentResolution").hasNotPassed("Task_InvestigateDiscrepancy");
    assertThat(report).isWaitingAt("Timer_FollowUpDue");
    assertThat(payouts.payouts).hasSize(1);
    FakePayouts.Payout refund = payouts.payouts.get(REF + ":refund-1");
    assertThat(refund.kind()).isEqualTo("REFUND");
    assertThat(refund.target()).isEqualTo("pay-2");
    assertThat(refund.amount()).isEqualTo(PAID);
    assertThat(payouts.calls).containsExactly(REF + ":refund-1", REF + ":refund-1");
    assertThat(caseRecord().outcome()).isEqualTo(CaseOutcome.REFUNDED);
    assertThat(caseRecord().ruleId()).isEqualTo("PD-4");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.RESOLVED);
    RecordingMessages.Sent resolved = messages.last(CustomerMessage.DISCREPANCY_RESOLVED);
    assertThat(resolved.parameters()).containsEntry("cause", "DUPLICATE_CHARGE").containsEntry("remedy", "REFUND")
        .containsEntry("amount", PAID).containsEntry("ruleId", "PD-4");
    assertThat(resolved.attachmentDocumentId()).isEqualTo("1");
    assertThat(documented).singleElement().satisfies(d -> {
      assertThat(d.adjustmentReference()).isEqualTo("re_" + REF + ":refund-1");
      assertThat(d.refundedPaymentId()).isEqualTo("pay-2");
    });
  }

  @Test
  @DisplayName("PD-3: a reported duplicate the checks cannot prove (refunded in part already) goes to an investigator")
  void PD3_unprovenDuplicateGoesToInvestigator() {
    Payment first = payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(3)));
    payment("pay-2", "ch_2", NOW.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(4)));
    when(processor.findCharge("ch_2")).thenReturn(Optional.of(new ProcessorCharge("ch_2", PAID,
        ProcessorCharge.Status.CAPTURED, Money.of(900, "EUR"))));

    ProcessInstance report = report(first, DiscrepancyKind.DUPLICATE_CHARGE);

    assertThat(report).isWaitingAt("Task_InvestigateDiscrepancy");
    assertThat((String) variable(report, DiscrepancyVariables.FINDINGS_SUMMARY)).contains("Duplicate charge");
    assertThat(payouts.calls).isEmpty();
  }

  // ------------------------------------------------------------------ liability by DMN

  @Test
  @DisplayName("PD-4: an unauthorized transaction through a flaw in our security is refunded in full")
  void PD4_unauthorizedThroughMerchantSecurityIsRefunded() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.UNAUTHORIZED);

    recordFinding(Cause.UNAUTHORIZED_MERCHANT_SECURITY, null, null, "Our checkout let a stolen session pay.");
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    assertThat(report).hasPassed("Task_RefundPayment").isWaitingAt("Timer_FollowUpDue");
    assertThat(payouts.payouts.get(REF + ":refund-1").amount()).isEqualTo(PAID);
    assertThat(caseRecord().outcome()).isEqualTo(CaseOutcome.REFUNDED);
    assertThat(caseRecord().ruleId()).isEqualTo("PD-4");
    assertThat(messages.last(CustomerMessage.DISCREPANCY_RESOLVED).parameters())
        .containsEntry("agentMessage", "Our checkout let a stolen session pay.");
  }

  @Test
  @DisplayName("PD-5: the customer's error in the payment details: not our liability, assistance only, no money moves")
  void PD5_customerErrorGetsAssistanceOnly() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.OTHER);

    recordFinding(Cause.CUSTOMER_ERROR, null, null, "The card number typed belonged to another card of yours.");
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    assertThat(report).hasNotPassed("Task_RefundPayment", "Task_AdjustBalance").isWaitingAt("Timer_FollowUpDue");
    assertThat(payouts.calls).isEmpty();
    assertThat(caseRecord().outcome()).isEqualTo(CaseOutcome.NO_FAULT_FOUND);
    assertThat(caseRecord().ruleId()).isEqualTo("PD-5");
    assertThat(messages.last(CustomerMessage.DISCREPANCY_RESOLVED).parameters())
        .containsEntry("remedy", "ASSISTANCE").doesNotContainKey("amount");
    assertThat(documented).singleElement().satisfies(d -> {
      assertThat(d.merchantLiable()).isFalse();
      assertThat(d.moved()).isNull();
    });
  }

  @Test
  @DisplayName("PD-4: charged more than the order, the investigator adjusts the balance: a wallet credit of the difference")
  void PD4_overchargeAdjustedInTheWallet() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10)), 5900),
        DiscrepancyKind.AMOUNT_MISMATCH);

    recordFinding(Cause.OVERCHARGED, "BALANCE_ADJUSTMENT", null, "You were charged 10 euros too much.");
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    FakePayouts.Payout credit = payouts.payouts.get(REF + ":adjust-1");
    assertThat(credit.kind()).isEqualTo("WALLET_CREDIT");
    assertThat(credit.target()).isEqualTo("cus-1");
    assertThat(credit.amount()).isEqualTo(Money.of(1000, "EUR"));
    assertThat(caseRecord().outcome()).isEqualTo(CaseOutcome.CREDITED);
  }

  @Test
  @DisplayName("PD-4 / #20 point 2: the credit paid is the round's decision on the case; rectify variables changed before the payout job change nothing")
  void PD4_paidAmountIsTheRecordedDecision() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10)), 5900),
        DiscrepancyKind.AMOUNT_MISMATCH);
    recordFinding(Cause.OVERCHARGED, "BALANCE_ADJUSTMENT", null, "You were charged 10 euros too much.");
    assertThat(cases.decidedPayout(REF, "round-1"))
        .hasValueSatisfying(decided -> assertThat(decided.amount()).isEqualTo(Money.of(1000, "EUR")));

    // what someone with the engine's rights could do between the decision and the payout
    engine.getRuntimeService().setVariable(report.getId(), DiscrepancyVariables.RECTIFY_AMOUNT, 590_000L);
    engine.getRuntimeService().setVariable(report.getId(), DiscrepancyVariables.RECTIFY_PAYMENT_ID, "pay-other");
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    assertThat(payouts.payouts.get(REF + ":adjust-1").amount()).isEqualTo(Money.of(1000, "EUR"));
  }

  @Test
  @DisplayName("A finding the form cannot back (a merchant error without an amount) is refused in Tasklist")
  void incompleteFindingIsRefused() {
    report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.OTHER);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> recordFinding(Cause.MERCHANT_ERROR, null, null, "x"))
        .hasMessageContaining("Enter the amount");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> recordFinding(Cause.MERCHANT_ERROR, null, 60.0, "x"))
        .hasMessageContaining("At most 49.00 EUR");
    assertThat(investigation()).isNotNull();
    assertThat(payouts.calls).isEmpty();
  }

  // ------------------------------------------------------------------ waiting for the processor or the bank

  @Test
  @DisplayName("PD-3: the processor's answer arrives before the deadline and goes back to the investigator")
  void PD3_processorAnswerArrives() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.NOT_RECOGNIZED);

    askProcessor("Please send the 3-D Secure record of ch_1.");
    assertThat(report).isWaitingAt("Task_AwaitProcessorAnswer");
    assertThat(messages.last(CustomerMessage.DISCREPANCY_PROCESSOR_CONSULTED).parameters())
        .containsEntry("institution", "PROCESSOR").containsEntry("answerDueBy", NOW.plus(Duration.ofDays(10)));

    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(2))));
    engine.getRuntimeService().createMessageCorrelation(DiscrepancyProcess.MESSAGE_PROCESSOR_ANSWERED)
        .processInstanceBusinessKey(REF)
        .setVariable(DiscrepancyVariables.ANSWERED_BY, "PROCESSOR")
        .setVariable(DiscrepancyVariables.PROCESSOR_ANSWER, "Authenticated with 3-D Secure by the cardholder.")
        .correlateWithResult();

    assertThat(report).isWaitingAt("Task_InvestigateDiscrepancy").hasPassed("Task_RecordProcessorAnswer")
        .hasNotPassed("Task_NoteProcessorSilent");
    assertThat((String) variable(report, DiscrepancyVariables.INVESTIGATION_NOTES))
        .contains("Answer from the payment processor: Authenticated with 3-D Secure by the cardholder.");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(report.getId()).timers()
        .activityId("Timer_ProcessorReminderDue").count()).isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(report.getId()).timers()
        .activityId("Timer_ProcessorDeadline").count()).isZero();
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(11)));
    assertThat(messages.staff).as("no reminder after the answer")
        .noneSatisfy(n -> assertThat(n.text()).contains("has no answer yet"));
    assertThat(report).hasNotPassed("Task_RemindProcessor", "Task_NoteProcessorSilent");
  }

  @Test
  @DisplayName("PD-3: the reminder is due 5 days after the request and the deadline 10 days after it, as when the deadline was counted from the reminder")
  void PD3_reminderAndDeadlineFireAtTheirInstants() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.NOT_RECOGNIZED);
    askProcessor("Please send the records of ch_1.");

    assertThat(timerDue(report, "Timer_ProcessorReminderDue")).isEqualTo(NOW.plus(Duration.ofDays(5)));
    // before: the deadline timer started when the reminder fired (day 5) and ran the other 5 days
    assertThat(timerDue(report, "Timer_ProcessorDeadline")).isEqualTo(NOW.plus(Duration.ofDays(5))
        .plus(Duration.ofDays(10).minus(Duration.ofDays(5))))
        .isEqualTo(messages.last(CustomerMessage.DISCREPANCY_PROCESSOR_CONSULTED).parameters().get("answerDueBy"));

    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(5)).minusSeconds(1));
    assertThat(report).hasNotPassed("Task_RemindProcessor");
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(5)));
    assertThat(report).hasPassed("Task_RemindProcessor").isWaitingAt("Task_AwaitProcessorAnswer");
    assertThat(messages.staff).hasSize(1);
    assertThat(timerDue(report, "Timer_ProcessorDeadline")).as("the reminder leaves the deadline as it was")
        .isEqualTo(NOW.plus(Duration.ofDays(10)));

    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(10)).minusSeconds(1));
    assertThat(report).hasNotPassed("Task_NoteProcessorSilent").isWaitingAt("Task_AwaitProcessorAnswer");
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(10)));
    assertThat(report).hasPassed("Task_NoteProcessorSilent").isWaitingAt("Task_InvestigateDiscrepancy");
    assertThat(messages.staff).as("reminded once").hasSize(1);
  }

  @Test
  @DisplayName("PD-3: an answer that comes after the reminder is taken: back to the investigator, no deadline any more")
  void PD3_answerAfterTheReminderIsTaken() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.NOT_RECOGNIZED);
    askProcessor("Please send the records of ch_1.");
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(5)));
    assertThat(report).hasPassed("Task_RemindProcessor");

    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(7))));
    engine.getRuntimeService().createMessageCorrelation(DiscrepancyProcess.MESSAGE_PROCESSOR_ANSWERED)
        .processInstanceBusinessKey(REF)
        .setVariable(DiscrepancyVariables.ANSWERED_BY, "BANK")
        .setVariable(DiscrepancyVariables.PROCESSOR_ANSWER, "The cardholder authorised the payment.")
        .correlateWithResult();

    assertThat(report).hasPassed("Task_RecordProcessorAnswer").isWaitingAt("Task_InvestigateDiscrepancy");
    assertThat((String) variable(report, DiscrepancyVariables.INVESTIGATION_NOTES))
        .contains("The cardholder authorised the payment.");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(report.getId()).timers()
        .activityId("Timer_ProcessorDeadline").count()).isZero();
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(11)));
    assertThat(report).hasNotPassed("Task_NoteProcessorSilent");
  }

  @Test
  @DisplayName("PD-3: no answer by the deadline: finance is reminded at 5 days, at 10 the investigation goes on without it")
  void PD3_processorDeadlinePasses() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.NOT_RECOGNIZED);
    askProcessor("Please send the records of ch_1.");

    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(5)));
    assertThat(report).hasPassed("Task_RemindProcessor").isWaitingAt("Task_AwaitProcessorAnswer");
    assertThat(messages.staff).singleElement().satisfies(n -> assertThat(n.text()).contains("Please send the records"));

    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(10)));
    assertThat(report).hasPassed("Task_NoteProcessorSilent").isWaitingAt("Task_InvestigateDiscrepancy");
    assertThat((String) variable(report, DiscrepancyVariables.INVESTIGATION_NOTES))
        .contains("No answer from the payment processor by the deadline.");
  }

  // ------------------------------------------------------------------ waiting for the customer

  @Test
  @DisplayName("Details asked of the customer arrive: the case waits for them, then the investigation resumes")
  void customerDetailsArrive() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.NOT_RECOGNIZED);

    complete(Map.of(DiscrepancyVariables.INVESTIGATION_STEP, "ASK_CUSTOMER",
        DiscrepancyVariables.REQUEST_TEXT, "Which card did you use?"));
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.WAITING_FOR_CUSTOMER);
    assertThat(messages.last(CustomerMessage.DISCREPANCY_DETAILS_REQUESTED).parameters())
        .containsEntry("agentMessage", "Which card did you use?")
        .containsEntry("respondBy", NOW.plus(Duration.ofDays(7)));

    engine.getRuntimeService().createMessageCorrelation(DiscrepancyProcess.MESSAGE_DETAILS_RECEIVED)
        .processInstanceBusinessKey(REF).correlateWithResult();

    assertThat(report).hasPassed("Task_ResumeWithDetails").isWaitingAt("Task_InvestigateDiscrepancy");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.IN_REVIEW);
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(8)));
    assertThat(messages.messages()).as("no reminder after the details").doesNotContain(
        CustomerMessage.DISCREPANCY_DETAILS_REMINDER);
    assertThat(report).hasNotPassed("Task_RemindCustomerDetails", "Task_NoteCustomerSilent");
  }

  @Test
  @DisplayName("Details asked: the reminder is due at 5 days and the deadline at 7, as when the deadline was counted from the reminder")
  void customerReminderAndDeadlineFireAtTheirInstants() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.NOT_RECOGNIZED);
    complete(Map.of(DiscrepancyVariables.INVESTIGATION_STEP, "ASK_CUSTOMER",
        DiscrepancyVariables.REQUEST_TEXT, "Which card did you use?"));

    assertThat(timerDue(report, "Timer_DetailsReminderDue")).isEqualTo(NOW.plus(Duration.ofDays(5)));
    // before: the deadline timer started when the reminder fired (day 5) and ran the other 2 days
    assertThat(timerDue(report, "Timer_DetailsDeadline")).isEqualTo(NOW.plus(Duration.ofDays(5))
        .plus(Duration.ofDays(7).minus(Duration.ofDays(5))))
        .isEqualTo(messages.last(CustomerMessage.DISCREPANCY_DETAILS_REQUESTED).parameters().get("respondBy"));

    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(5)).minusSeconds(1));
    assertThat(messages.messages()).doesNotContain(CustomerMessage.DISCREPANCY_DETAILS_REMINDER);
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(5)));
    assertThat(messages.last(CustomerMessage.DISCREPANCY_DETAILS_REMINDER).parameters())
        .containsEntry("respondBy", timerDue(report, "Timer_DetailsDeadline"));

    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(7)).minusSeconds(1));
    assertThat(report).hasNotPassed("Task_NoteCustomerSilent").isWaitingAt("Task_AwaitCustomerDetails");
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(7)));
    assertThat(report).hasPassed("Task_NoteCustomerSilent").isWaitingAt("Task_InvestigateDiscrepancy");
    assertThat(messages.messages().stream().filter(m -> m == CustomerMessage.DISCREPANCY_DETAILS_REMINDER).count())
        .as("reminded once").isEqualTo(1);
  }

  @Test
  @DisplayName("Details that come after the reminder are taken: the investigation resumes, no deadline any more")
  void customerDetailsAfterTheReminderAreTaken() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.NOT_RECOGNIZED);
    complete(Map.of(DiscrepancyVariables.INVESTIGATION_STEP, "ASK_CUSTOMER",
        DiscrepancyVariables.REQUEST_TEXT, "Which card did you use?"));
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(5)));
    assertThat(messages.messages()).contains(CustomerMessage.DISCREPANCY_DETAILS_REMINDER);

    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(6))));
    engine.getRuntimeService().createMessageCorrelation(DiscrepancyProcess.MESSAGE_DETAILS_RECEIVED)
        .processInstanceBusinessKey(REF).correlateWithResult();

    assertThat(report).hasPassed("Task_ResumeWithDetails").isWaitingAt("Task_InvestigateDiscrepancy");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.IN_REVIEW);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(report.getId()).timers()
        .activityId("Timer_DetailsDeadline").count()).isZero();
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(8)));
    assertThat(report).hasNotPassed("Task_NoteCustomerSilent");
  }

  @Test
  @DisplayName("No details in 7 days: reminded at 5, and at 7 the investigation goes on without them (the case stays open)")
  void customerStaysSilent() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.NOT_RECOGNIZED);
    complete(Map.of(DiscrepancyVariables.INVESTIGATION_STEP, "ASK_CUSTOMER",
        DiscrepancyVariables.REQUEST_TEXT, "Which card did you use?"));

    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(5)));
    assertThat(messages.last(CustomerMessage.DISCREPANCY_DETAILS_REMINDER).parameters())
        .containsEntry("respondBy", NOW.plus(Duration.ofDays(7)));
    assertThat(report).hasPassed("Task_RemindCustomerDetails").isWaitingAt("Task_AwaitCustomerDetails");
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(7)));

    assertThat(report).hasPassed("Task_NoteCustomerSilent").isWaitingAt("Task_InvestigateDiscrepancy");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.IN_REVIEW);
  }

  // ------------------------------------------------------------------ SL-1

  @Test
  @DisplayName("SL-1: an investigation untouched for 24 h is raised, at 48 h a breach is recorded and managers step in")
  void SL1_lateInvestigationEscalates() {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.NOT_RECOGNIZED);

    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofHours(48)));

    assertThat(investigation().getPriority()).isGreaterThan(50);
    assertThat(cases.breaches).singleElement().satisfies(b -> assertThat(b.reference()).isEqualTo(REF));
    assertThat(report).isWaitingAt("Task_InvestigateDiscrepancy", "Task_HandleEscalation");
  }

  // ------------------------------------------------------------------ follow-up (PD-6)

  @Test
  @DisplayName("PD-6: after the configured days the customer is asked; satisfied, the case closes")
  void PD6_followUpSatisfied() {
    ProcessInstance report = resolvedAfterFinding(Cause.NO_DISCREPANCY);

    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(7)));
    assertThat(messages.last(CustomerMessage.DISCREPANCY_FOLLOW_UP).parameters())
        .containsEntry("respondBy", NOW.plus(Duration.ofDays(7 + 14)));
    answerFollowUp(true, "All clear, thanks.");

    assertThat(report).isEnded().hasPassed("Event_ClosedSatisfied").hasNotPassed("Task_ReopenInvestigation");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(caseRecord().ruleId()).isEqualTo("PD-3");
  }

  @Test
  @DisplayName("PD-6: dissatisfied, the case reopens with a managers' review; investigated again, a second round pays under its own key")
  void PD6_dissatisfactionReopensTheInvestigation() {
    ProcessInstance report = resolvedAfterFinding(Cause.NO_DISCREPANCY);
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(7)));

    answerFollowUp(false, "I was charged for a session I cancelled.");

    assertThat(report).isWaitingAt("Task_ReviewDissatisfaction");
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(report.getId()).singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anyMatch(link -> "managers".equals(link.getGroupId()));
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.IN_REVIEW);
    assertThat(messages.messages()).contains(CustomerMessage.DISCREPANCY_REOPENED);
    assertThat((String) variable(report, DiscrepancyVariables.FEEDBACK_COMMENT)).contains("cancelled");

    engine.getTaskService().complete(review.getId(), Map.of(DiscrepancyVariables.REVIEW_OUTCOME, "REINVESTIGATE",
        DiscrepancyVariables.MANAGER_NOTE, "Check the cancellation on 2 October."));
    assertThat(report).isWaitingAt("Task_InvestigateDiscrepancy");
    assertThat((String) variable(report, DiscrepancyVariables.INVESTIGATION_NOTES))
        .contains("Manager reopened the investigation: Check the cancellation on 2 October.");

    recordFinding(Cause.MERCHANT_ERROR, null, 49.0, "The cancelled session was charged by mistake.");
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    assertThat(payouts.payouts).containsOnlyKeys(REF + ":refund-2");
    assertThat(documented).extracting(Resolution::round).containsExactly(1, 2);
    assertThat(caseRecord().outcome()).isEqualTo(CaseOutcome.REFUNDED);
    assertThat(report).isWaitingAt("Timer_FollowUpDue");
  }

  @Test
  @DisplayName("PD-6: a manager may confirm the resolution instead; the customer gets the manager's words and the case closes")
  void PD6_managerUpholdsTheResolution() {
    ProcessInstance report = resolvedAfterFinding(Cause.FRAUD_NOT_MERCHANT);
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(7)));
    answerFollowUp(false, null);

    Task review = engine.getTaskService().createTaskQuery().processInstanceId(report.getId()).singleResult();
    engine.getTaskService().complete(review.getId(), Map.of(DiscrepancyVariables.REVIEW_OUTCOME, "UPHOLD",
        DiscrepancyVariables.MANAGER_NOTE, "Your bank can reverse the payment; our documentation supports you."));

    assertThat(report).isEnded().hasPassed("Event_ResolutionUpheld");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(caseRecord().ruleId()).isEqualTo("PD-5");
    assertThat(messages.last(CustomerMessage.DISCREPANCY_RESOLUTION_UPHELD).parameters())
        .containsEntry("agentMessage", "Your bank can reverse the payment; our documentation supports you.");
  }

  @Test
  @DisplayName("PD-6: no answer to the follow-up within 14 days: the case ends as resolved")
  void PD6_noAnswerToTheFollowUp() {
    ProcessInstance report = resolvedAfterFinding(Cause.NO_DISCREPANCY);

    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(7)));
    assertThat(report).isWaitingAt("Task_AwaitSatisfaction");
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(Duration.ofDays(7 + 14)));

    assertThat(report).isEnded().hasPassed("Event_ClosedWithoutAnswer");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.RESOLVED);
  }

  // ------------------------------------------------------------------ helpers

  /** When the instance's timer job of {@code timerId} is due. */
  private Instant timerDue(ProcessInstance instance, String timerId) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(timerId).singleResult();
    assertThat(timer).as(timerId + " is waiting").isNotNull();
    return timer.getDuedate().toInstant();
  }

  private Payment payment(String id, String charge, Instant capturedAt) {
    return payment(id, charge, capturedAt, PAID.amount());
  }

  private Payment payment(String id, String charge, Instant capturedAt, long amount) {
    Payment payment = new Payment(id, "ord-1", charge, amount, "EUR", capturedAt, Payment.Status.CAPTURED);
    paymentsById.put(id, payment);
    return payment;
  }

  private ProcessInstance startReport(Payment payment, DiscrepancyKind kind) {
    cases.open(REF, payment.id(), "standard", NOW);
    return engine.getRuntimeService().startProcessInstanceByKey(DiscrepancyProcess.KEY, REF, Variables.createVariables()
        .putValue(DiscrepancyProcess.CASE_REFERENCE, REF)
        .putValue(DiscrepancyProcess.PAYMENT_ID, payment.id())
        .putValue(DiscrepancyProcess.REPORT_KIND, kind.name())
        .putValue(DiscrepancyProcess.REPORT_CHANNEL, "WEB")
        .putValue(DiscrepancyProcess.REPORT_DESCRIPTION, "I do not understand this payment.")
        .putValueTyped(DiscrepancyProcess.EXPECTED_AMOUNT, Variables.longValue(null))
        .putValue(DiscrepancyProcess.POLICY_PROFILE, "standard"));
  }

  /** Starts the report and runs its asynchronous checks. */
  private ProcessInstance report(Payment payment, DiscrepancyKind kind) {
    ProcessInstance report = startReport(payment, kind);
    runChecks(report);
    return report;
  }

  private void runChecks(ProcessInstance report) {
    Job checks = engine.getManagementService().createJobQuery().processInstanceId(report.getId())
        .activityId("Task_RunChecks").singleResult();
    if (checks != null) {
      engine.getManagementService().executeJob(checks.getId());
    }
  }

  private ProcessInstance resolvedAfterFinding(Cause cause) {
    ProcessInstance report = report(payment("pay-1", "ch_1", NOW.minus(Duration.ofDays(10))), DiscrepancyKind.OTHER);
    recordFinding(cause, null, null, "We looked at it with the processor.");
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());
    assertThat(report).isWaitingAt("Timer_FollowUpDue");
    return report;
  }

  private void recordFinding(Cause cause, String preferredRemedy, Double amount, String conclusion) {
    Map<String, Object> form = new HashMap<>();
    form.put(DiscrepancyVariables.INVESTIGATION_STEP, "RECORD_FINDING");
    form.put(DiscrepancyVariables.CAUSE, cause.name());
    form.put(DiscrepancyVariables.PREFERRED_REMEDY, preferredRemedy);
    form.put(DiscrepancyVariables.ADJUSTMENT_AMOUNT, amount);
    form.put(DiscrepancyVariables.CONCLUSION, conclusion);
    complete(form);
  }

  private void askProcessor(String request) {
    complete(Map.of(DiscrepancyVariables.INVESTIGATION_STEP, "ASK_PROCESSOR",
        DiscrepancyVariables.INSTITUTION, "PROCESSOR", DiscrepancyVariables.REQUEST_TEXT, request));
  }

  private void complete(Map<String, Object> form) {
    engine.getTaskService().complete(investigation().getId(), form);
  }

  private void answerFollowUp(boolean satisfied, String comment) {
    Map<String, Object> answer = new HashMap<>();
    answer.put(DiscrepancyVariables.SATISFIED, satisfied);
    answer.put(DiscrepancyVariables.FEEDBACK_COMMENT, comment);
    engine.getRuntimeService().createMessageCorrelation(DiscrepancyProcess.MESSAGE_SATISFACTION_ANSWERED)
        .processInstanceBusinessKey(REF).setVariables(answer).correlateWithResult();
  }

  private Task investigation() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(REF)
        .taskDefinitionKey("Task_InvestigateDiscrepancy").singleResult();
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  private CaseRecord caseRecord() {
    return cases.get(REF);
  }
}
