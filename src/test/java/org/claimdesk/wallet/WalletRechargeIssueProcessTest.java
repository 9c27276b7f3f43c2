package org.claimdesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.commerce.RechargeAlreadyCreditedException;
import org.claimdesk.commerce.WalletEntry;
import org.claimdesk.commerce.WalletEntryRequest;
import org.claimdesk.commerce.WalletLedger;
import org.claimdesk.engine.EngineClock;
import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.payment.PaymentProcessor;
import org.claimdesk.payment.ProcessorCharge;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.FakeCases;
import org.claimdesk.testsupport.FirstReplyBeans;
import org.claimdesk.testsupport.RecordingMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * {@code wallet-recharge-issue} on a real engine (WR-1, WR-2, SL-1): the 72 hours waited by the
 * process, the shop's credit closing the case by itself, the processor's record deciding, a
 * person deciding when it cannot, and the credit made once.
 */
@Deployment(resources = {"processes/wallet-recharge-issue.bpmn", "forms/investigate-recharge.form",
    "forms/handle-escalation.form"})
class WalletRechargeIssueProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  static final String REF = "CD-WALLET01";
  static final String ORDER = "ord-recharge";
  static final Money AMOUNT = Money.of(5000, "EUR");

  ProcessEngine engine;
  FakeCases cases;
  RecordingMessages messages;
  OrderService orders;
  PaymentService payments;
  WalletLedger ledger;
  PaymentProcessor processor;

  @BeforeEach
  void wireTheProcess() {
    engine = extension.getProcessEngine();
    ClockUtil.setCurrentTime(Date.from(NOW));
    cases = new FakeCases();
    messages = new RecordingMessages();
    orders = mock(OrderService.class);
    payments = mock(PaymentService.class);
    ledger = mock(WalletLedger.class);
    processor = mock(PaymentProcessor.class);
    // The ledger appends what it is given (a test may make it refuse, as the shop's credit would).
    when(ledger.append(eq("cus-1"), any(), eq(WalletEntry.Source.CLAIMDESK))).thenAnswer(call -> {
      if (messages.messages().contains(CustomerMessage.RECHARGE_ARRIVED)) {
        throw new AssertionError("credited after the arrival was confirmed");
      }
      WalletEntryRequest entry = call.getArgument(1);
      return new WalletEntry(entry.id(), "cus-1", entry.orderId(), entry.kind(), entry.amount(), entry.currency(),
          WalletEntry.Source.CLAIMDESK, NOW);
    });
    EngineClock clock = new EngineClock();
    ServiceLevels levels = FirstReplyBeans.serviceLevels(clock);
    FirstReplyBeans.register(levels, cases, messages, clock);
    Mocks.register("walletTasks", new WalletTasks(cases, messages, processor, ledger, orders, payments, levels, clock));
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
  }

  @Test
  @DisplayName("WR-2: reported 10 h after the payment, the process waits, and at 72 h checks and credits once")
  void WR2_reportAt10hWaitsThenCreditsAt72h() {
    ProcessInstance report = report(10, ProcessorCharge.Status.CAPTURED, "Marie Dubois");
    Instant checkAt = NOW.minus(Duration.ofHours(10)).plus(Duration.ofHours(72));

    assertThat(report).isWaitingAt("Gateway_AwaitCredit");
    assertThat(messages.last(CustomerMessage.RECHARGE_WAIT).parameters()).containsEntry("checkAt", checkAt)
        .containsEntry("amount", AMOUNT);
    assertThat(caseRecord().replyDueBy()).isEqualTo(checkAt);
    verify(ledger, never()).append(any(), any(), any());

    EngineJobs.fireTimersDueBy(engine.getManagementService(), checkAt);
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    WalletEntryRequest credit = creditAppended();
    assertThat(credit.orderId()).isEqualTo(ORDER);
    assertThat(credit.kind()).isEqualTo(WalletEntry.Kind.RECHARGE);
    assertThat(credit.amount()).isEqualTo(5000);
    assertThat(report).isEnded().hasPassed("Task_ConfirmCredit");
    assertCase(CaseStatus.RESOLVED, CaseOutcome.CREDITED, "WR-2");
    assertThat(messages.last(CustomerMessage.RECHARGE_CREDITED).parameters()).containsEntry("amount", AMOUNT);
  }

  @Test
  @DisplayName("WR-2: reported at 10 h, the shop's credit arriving at 30 h closes the case; no second credit")
  void WR2_shopCreditArrivingWhileWaitingClosesTheCase() {
    ProcessInstance report = report(10, ProcessorCharge.Status.CAPTURED, "Marie Dubois");
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(20))));

    engine.getRuntimeService().createMessageCorrelation(WalletProcess.MESSAGE_RECHARGE_CREDITED)
        .processInstanceVariableEquals(WalletProcess.ORDER_ID, ORDER).correlateAll();

    assertThat(report).isEnded().hasPassed("Task_ConfirmArrived");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(report.getId()).count()).isZero();
    verify(ledger, never()).append(any(), any(), any());
    assertCase(CaseStatus.RESOLVED, CaseOutcome.NO_FAULT_FOUND, "WR-2");
    assertThat(messages.messages()).contains(CustomerMessage.RECHARGE_ARRIVED);
  }

  @Test
  @DisplayName("WR-2: reported 80 h after the payment, captured and not credited: credited at once")
  void WR2_reportAt80hCapturedNotCreditedIsCreditedAtOnce() {
    ProcessInstance report = report(80, ProcessorCharge.Status.CAPTURED, "marie  DUBOIS");

    assertThat(messages.messages()).doesNotContain(CustomerMessage.RECHARGE_WAIT);
    // The processor is asked in a job of its own, never inside the customer's filing request.
    assertThat(report).isWaitingAt("Task_CheckCharge");
    verify(processor, never()).findCharge(any());
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    assertThat(creditAppended().amount()).isEqualTo(5000);
    assertCase(CaseStatus.RESOLVED, CaseOutcome.CREDITED, "WR-2");
  }

  @Test
  @DisplayName("WR-2: a payment that was never captured: the customer is told, nothing is credited")
  void WR2_notCapturedTellsThePaymentNeverCompleted() {
    ProcessInstance report = report(80, ProcessorCharge.Status.FAILED, "Marie Dubois");
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    assertThat(report).isEnded().hasPassed("Task_TellNotPaid");
    verify(ledger, never()).append(any(), any(), any());
    assertCase(CaseStatus.RESOLVED, CaseOutcome.NO_FAULT_FOUND, "WR-2");
    assertThat(messages.messages()).contains(CustomerMessage.RECHARGE_NOT_PAID);
  }

  @Test
  @DisplayName("WR-2 / SL-1: a charge still pending goes to finance, due in 48 h; their finding credits once")
  void WR2_unclearChargeGoesToFinance() {
    ProcessInstance report = report(80, ProcessorCharge.Status.PENDING, "Marie Dubois");
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    Task investigation = investigation(report);
    assertThat(engine.getTaskService().getIdentityLinksForTask(investigation.getId()))
        .anyMatch(link -> "finance".equals(link.getGroupId()));
    assertThat(investigation.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(48)));
    assertThat((String) engine.getRuntimeService().getVariable(report.getId(), WalletVariables.UNCLEAR_REASON))
        .contains("still pending");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.IN_REVIEW);

    engine.getTaskService().complete(investigation.getId(), Map.of("finding", "CREDIT",
        "replyMessage", "The processor confirmed your payment."));
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    assertThat(creditAppended().amount()).isEqualTo(5000);
    assertCase(CaseStatus.RESOLVED, CaseOutcome.CREDITED, "WR-2");
  }

  @Test
  @DisplayName("WR-2: a payer who is not the customer is shown to finance, not credited automatically")
  void WR2_payerNameMismatchIsShownToFinance() {
    ProcessInstance report = report(80, ProcessorCharge.Status.CAPTURED, "Jean Martin");
    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    assertThat(investigation(report)).isNotNull();
    assertThat((String) engine.getRuntimeService().getVariable(report.getId(), WalletVariables.UNCLEAR_REASON))
        .contains("'Jean Martin'").contains("'Marie Dubois'");
    verify(ledger, never()).append(any(), any(), any());
  }

  @Test
  @DisplayName("WR-2: a recharge already in the wallet when reported closes the case at once")
  void WR2_alreadyCreditedAtReportClosesAtOnce() {
    when(ledger.findRechargeCredit(ORDER)).thenReturn(Optional.of(shopEntry()));

    ProcessInstance report = report(20, ProcessorCharge.Status.CAPTURED, "Marie Dubois");

    assertThat(report).isEnded().hasPassed("Task_ConfirmArrived");
    assertCase(CaseStatus.RESOLVED, CaseOutcome.NO_FAULT_FOUND, "WR-2");
  }

  @Test
  @DisplayName("WR-2: the shop's credit landing just before ours counts: no second credit, the customer is told it arrived")
  void WR2_shopCreditRacingOursIsNotCreditedTwice() {
    when(ledger.append(eq("cus-1"), any(), eq(WalletEntry.Source.CLAIMDESK)))
        .thenThrow(new RechargeAlreadyCreditedException(shopEntry()));
    ProcessInstance report = report(80, ProcessorCharge.Status.CAPTURED, "Marie Dubois");

    EngineJobs.executeAsyncJobs(engine.getManagementService(), report.getId());

    assertThat(report).isEnded().hasPassed("Task_ConfirmCredit");
    assertCase(CaseStatus.RESOLVED, CaseOutcome.NO_FAULT_FOUND, "WR-2");
    assertThat(messages.messages()).contains(CustomerMessage.RECHARGE_ARRIVED).doesNotContain(CustomerMessage.RECHARGE_CREDITED);
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance report(int hoursSincePayment, ProcessorCharge.Status chargeStatus, String payerName) {
    Instant paidAt = NOW.minus(Duration.ofHours(hoursSincePayment));
    when(orders.findOrder(ORDER)).thenReturn(Optional.of(new Order(ORDER,
        new Customer("cus-1", "Marie Dubois", "marie@example.com", Customer.Language.FR),
        Order.ProductType.WALLET_RECHARGE, "Wallet recharge", 5000L, "EUR", paidAt.minusSeconds(60), null,
        Order.ServiceStatus.RENDERED)));
    when(payments.paymentsOfOrder(ORDER)).thenReturn(List.of(new Payment("pay-recharge", ORDER, "ch_recharge",
        5000L, "EUR", paidAt, Payment.Status.valueOf(chargeStatus.name()))));
    when(processor.findCharge("ch_recharge")).thenReturn(Optional.of(new ProcessorCharge("ch_recharge", AMOUNT,
        chargeStatus)));
    cases.open(REF, ORDER, "standard", NOW);
    return engine.getRuntimeService().startProcessInstanceByKey(WalletProcess.KEY, REF, Map.of(
        WalletProcess.CASE_REFERENCE, REF, WalletProcess.ORDER_ID, ORDER, WalletProcess.PAYER_NAME, payerName,
        WalletProcess.POLICY_PROFILE, "standard"));
  }

  private WalletEntry shopEntry() {
    return new WalletEntry("wal-shop", "cus-1", ORDER, WalletEntry.Kind.RECHARGE, 5000, "EUR", WalletEntry.Source.SHOP,
        NOW);
  }

  private WalletEntryRequest creditAppended() {
    ArgumentCaptor<WalletEntryRequest> credit = ArgumentCaptor.forClass(WalletEntryRequest.class);
    verify(ledger, times(1)).append(eq("cus-1"), credit.capture(), eq(WalletEntry.Source.CLAIMDESK));
    return credit.getValue();
  }

  private Task investigation(ProcessInstance report) {
    return engine.getTaskService().createTaskQuery().processInstanceId(report.getId())
        .taskDefinitionKey("Task_InvestigateRecharge").singleResult();
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
