package org.claimdesk.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.OfferType;
import org.claimdesk.cases.ServiceLevels;
import org.claimdesk.commerce.Customer;
import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.engine.EngineClock;
import org.claimdesk.engine.TaskPriorities;
import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.engine.InvalidFormInputException;
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
 * {@code refund-request} on a real engine with its real decisions: one test per policy rule,
 * named after it. Timers fire by moving the engine clock and executing the due job; the case
 * record, messages and payouts are in-memory doubles the tests read back.
 */
@Deployment(resources = {
    "processes/refund-request.bpmn", "processes/refund-eligibility.dmn", "processes/refund-approval.dmn",
    "forms/review-claim.form", "forms/attempt-fix.form", "forms/approve-offer.form", "forms/handle-escalation.form"})
class RefundRequestProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  static final String REF = "CD-TEST0001";

  ProcessEngine engine;
  FakeCases cases;
  RecordingMessages messages;
  FakePayouts payouts;
  OrderService orders;
  PaymentService payments;

  @BeforeEach
  void wireTheProcess() {
    engine = extension.getProcessEngine();
    ClockUtil.setCurrentTime(Date.from(NOW));
    cases = new FakeCases();
    messages = new RecordingMessages();
    payouts = new FakePayouts();
    orders = mock(OrderService.class);
    payments = mock(PaymentService.class);
    EngineClock clock = new EngineClock();
    ServiceLevels levels = FirstReplyBeans.serviceLevels(clock);
    FirstReplyBeans.register(levels, cases, messages, clock);
    // Every step of the process is a member of its one tasks bean.
    Mocks.register("refundTasks", new RefundTasks(cases, messages, payouts, orders, payments, levels, clock));
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
  }

  // ------------------------------------------------------------------ claim windows (decided at once)

  @Test
  @DisplayName("RF-2: a non-delivery claim 10 days after the order is refused at once, citing RF-2")
  void RF2_nonDeliveryClaimTenDaysAfterTheOrderIsRefusedAtOnce() {
    ProcessInstance claim = file("NOT_DELIVERED", order("SERVICE", "BOOKED", daysAgo(10), null));

    assertThat(claim).isEnded().hasPassed("Task_SendRefusal").hasNotPassed("Task_AcknowledgeClaim");
    assertCase(CaseStatus.REJECTED, CaseOutcome.REFUSED, "RF-2");
    assertThat(messages.last(CustomerMessage.CLAIM_REFUSED).parameters()).containsEntry("ruleId", "RF-2");
  }

  @Test
  @DisplayName("RF-2: a non-delivery claim 3 days after the order waits for support, due 48 h after the claim")
  void RF2_nonDeliveryClaimThreeDaysAfterTheOrderWaitsForSupport() {
    ProcessInstance claim = file("NOT_DELIVERED", order("SERVICE", "BOOKED", daysAgo(3), null));

    assertThat(claim).isWaitingAt("Task_ReviewClaim");
    Task review = review(claim);
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anyMatch(link -> "support".equals(link.getGroupId()));
    assertThat(review.getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(48)));
    assertThat(review.getFollowUpDate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.IN_REVIEW);
    assertThat(caseRecord().replyDueBy()).isEqualTo(NOW.plus(Duration.ofHours(48)));
    assertThat(messages.last(CustomerMessage.CLAIM_RECEIVED).parameters())
        .containsEntry("replyDueBy", NOW.plus(Duration.ofHours(48)));
    assertThat(engine.getRuntimeService().getVariable(claim.getId(), RefundVariables.POLICY_VERDICT))
        .isEqualTo("Review under RF-2");
  }

  @Test
  @DisplayName("RF-3: a not-as-described claim 8 days after the purchase is refused at once")
  void RF3_notAsDescribedEightDaysAfterPurchaseIsRefused() {
    ProcessInstance claim = file("NOT_AS_DESCRIBED", order("DIGITAL", "RENDERED", daysAgo(8), null));

    assertThat(claim).isEnded();
    assertCase(CaseStatus.REJECTED, CaseOutcome.REFUSED, "RF-3");
  }

  @Test
  @DisplayName("RF-4: a service issue reported 9 days after the service date is refused at once")
  void RF4_serviceIssueReportedAfterSevenDaysOfTheServiceDateIsRefused() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(12), dateDaysAgo(9)));

    assertThat(claim).isEnded();
    assertCase(CaseStatus.REJECTED, CaseOutcome.REFUSED, "RF-4");
  }

  @Test
  @DisplayName("RF-5: changing one's mind while the work is under way is refused at once")
  void RF5_changedRequirementsOnceTheWorkStartedIsRefused() {
    ProcessInstance claim = file("CHANGED_MIND", order("SERVICE", "INITIATED", daysAgo(2), dateDaysAgo(1)));

    assertThat(claim).isEnded();
    assertCase(CaseStatus.REJECTED, CaseOutcome.REFUSED, "RF-5");
  }

  @Test
  @DisplayName("RF-6: changing one's mind after the service was rendered is refused at once")
  void RF6_changedMindAfterTheServiceWasRenderedIsRefused() {
    ProcessInstance claim = file("CHANGED_MIND", order("SERVICE", "RENDERED", daysAgo(3), dateDaysAgo(2)));

    assertThat(claim).isEnded();
    assertCase(CaseStatus.REJECTED, CaseOutcome.REFUSED, "RF-6");
  }

  @Test
  @DisplayName("RF-6: changing one's mind about a digital purchase already initiated is refused at once")
  void RF6_changedMindAboutAnInitiatedDigitalPurchaseIsRefused() {
    ProcessInstance claim = file("CHANGED_MIND", order("DIGITAL", "INITIATED", daysAgo(2), null));

    assertThat(claim).isEnded();
    assertCase(CaseStatus.REJECTED, CaseOutcome.REFUSED, "RF-6");
  }

  @Test
  @DisplayName("RF-9: under the strict profile every claim is refused at once")
  void RF9_strictProfileRefusesEveryClaimAtOnce() {
    ProcessInstance claim = file("NOT_DELIVERED", order("SERVICE", "BOOKED", daysAgo(1), null), "strict");

    assertThat(claim).isEnded();
    assertCase(CaseStatus.REJECTED, CaseOutcome.REFUSED, "RF-9");
  }

  @Test
  @DisplayName("WR-1: a refund of a wallet recharge is refused at once")
  void WR1_walletRechargeIsNotRefundable() {
    ProcessInstance claim = file("OTHER", order("WALLET_RECHARGE", "RENDERED", daysAgo(1), null));

    assertThat(claim).isEnded();
    assertCase(CaseStatus.REJECTED, CaseOutcome.REFUSED, "WR-1");
  }

  // ------------------------------------------------------------------ evidence (RF-3)

  @Test
  @DisplayName("RF-3: evidence is asked for, reminded after 5 days, and the case closes after 7 days of silence")
  void RF3_evidenceRequestedThenRemindedThenClosedForSilence() {
    ProcessInstance claim = file("NOT_AS_DESCRIBED", order("DIGITAL", "RENDERED", daysAgo(2), null));
    assertThat(engine.getRuntimeService().getVariable(claim.getId(), RefundVariables.POLICY_VERDICT))
        .isEqualTo("Review under RF-3, clear evidence required");

    completeReview(claim, Map.of("reviewDecision", "ASK_EVIDENCE", "replyMessage", "Please send screenshots."));

    assertThat(claim).isWaitingAt("Task_AwaitEvidence");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.WAITING_FOR_CUSTOMER);
    assertThat(messages.last(CustomerMessage.EVIDENCE_REQUESTED).parameters())
        .containsEntry("agentMessage", "Please send screenshots.")
        .containsEntry("respondBy", NOW.plus(Duration.ofDays(7)));

    fireTimersDueAfter(Duration.ofDays(5));
    assertThat(messages.last(CustomerMessage.EVIDENCE_REMINDER).parameters())
        .containsEntry("respondBy", NOW.plus(Duration.ofDays(7)));
    assertThat(claim).isWaitingAt("Task_AwaitEvidence").hasPassed("Task_RemindEvidence");

    fireTimersDueAfter(Duration.ofDays(7));
    assertThat(claim).isEnded().hasPassed("Task_CloseNoEvidence");
    assertCase(CaseStatus.CLOSED, CaseOutcome.NO_RESPONSE, null);
  }

  @Test
  @DisplayName("RF-3: evidence sent after the reminder brings the claim back to a new review, due in 48 h")
  void RF3_evidenceReceivedReturnsTheClaimToReview() {
    ProcessInstance claim = file("NOT_AS_DESCRIBED", order("DIGITAL", "RENDERED", daysAgo(2), null));
    completeReview(claim, Map.of("reviewDecision", "ASK_EVIDENCE", "replyMessage", "Please send screenshots."));
    fireTimersDueAfter(Duration.ofDays(5));

    engine.getRuntimeService().createMessageCorrelation(RefundProcess.MESSAGE_EVIDENCE_RECEIVED)
        .processInstanceBusinessKey(REF).correlate();

    assertThat(claim).isWaitingAt("Task_ReviewClaim");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.IN_REVIEW);
    assertThat(review(claim).getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(5)).plus(Duration.ofHours(48)));
    assertThat(timerDue(claim, "Timer_EvidenceDeadline")).as("the answer cancels the deadline").isNull();
  }

  @Test
  @DisplayName("RF-3: the evidence wait reminds at exactly 5 days and closes at exactly 7 days after the request")
  void RF3_evidenceWaitRemindsAtFiveDaysAndClosesAtSeven() {
    ProcessInstance claim = file("NOT_AS_DESCRIBED", order("DIGITAL", "RENDERED", daysAgo(2), null));
    completeReview(claim, Map.of("reviewDecision", "ASK_EVIDENCE", "replyMessage", "Please send screenshots."));
    assertThat(timerDue(claim, "Timer_EvidenceReminder")).isEqualTo(NOW.plus(Duration.ofDays(5)));
    assertThat(timerDue(claim, "Timer_EvidenceDeadline")).isEqualTo(NOW.plus(Duration.ofDays(7)));

    fireTimersDueBy(NOW.plus(Duration.ofDays(5)).minusMillis(1));
    assertThat(messages.messages()).doesNotContain(CustomerMessage.EVIDENCE_REMINDER);
    fireTimersDueAfter(Duration.ofDays(5));
    assertThat(messages.messages()).containsOnlyOnce(CustomerMessage.EVIDENCE_REMINDER);
    assertThat(timerDue(claim, "Timer_EvidenceReminder")).as("one reminder only").isNull();
    assertThat(timerDue(claim, "Timer_EvidenceDeadline")).as("the reminder keeps the deadline")
        .isEqualTo(NOW.plus(Duration.ofDays(7)));

    fireTimersDueBy(NOW.plus(Duration.ofDays(7)).minusMillis(1));
    assertThat(claim).isWaitingAt("Task_AwaitEvidence");
    fireTimersDueAfter(Duration.ofDays(7));
    assertThat(claim).isEnded().hasPassed("Task_CloseNoEvidence");
  }

  @Test
  @DisplayName("RF-3: evidence sent before the reminder returns the claim to review and no reminder ever goes out")
  void RF3_evidenceBeforeTheReminderMeansNoReminder() {
    ProcessInstance claim = file("NOT_AS_DESCRIBED", order("DIGITAL", "RENDERED", daysAgo(2), null));
    completeReview(claim, Map.of("reviewDecision", "ASK_EVIDENCE", "replyMessage", "Please send screenshots."));
    fireTimersDueAfter(Duration.ofDays(1));

    engine.getRuntimeService().createMessageCorrelation(RefundProcess.MESSAGE_EVIDENCE_RECEIVED)
        .processInstanceBusinessKey(REF).correlate();
    assertThat(timerDue(claim, "Timer_EvidenceReminder")).isNull();
    assertThat(timerDue(claim, "Timer_EvidenceDeadline")).isNull();
    fireTimersDueAfter(Duration.ofDays(7));

    assertThat(messages.messages()).doesNotContain(CustomerMessage.EVIDENCE_REMINDER);
    assertThat(claim).hasNotPassed("Task_RemindEvidence", "Task_CloseNoEvidence");
    assertThat(caseRecord().status()).isNotEqualTo(CaseStatus.CLOSED);
  }

  // ------------------------------------------------------------------ fix first (RF-4)

  @Test
  @DisplayName("RF-4: a merchant-caused issue that is fixed resolves the case without money, then asks for feedback")
  void RF4_serviceIssueThatIsFixedIsResolvedWithoutMoney() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(4), dateDaysAgo(3)));
    completeReview(claim, Map.of("reviewDecision", "TRY_FIX", "replyMessage", "We are looking into it."));
    assertThat(messages.last(CustomerMessage.AGENT_REPLY).parameters()).containsEntry("agentMessage", "We are looking into it.");
    assertThat(claim).isWaitingAt("Task_AttemptFix");

    completeTask(claim, "Task_AttemptFix", Map.of("fixOutcome", "FIXED", "replyMessage", "Fixed: the report runs again."));

    assertCase(CaseStatus.RESOLVED, CaseOutcome.FIXED, "RF-4");
    assertThat(messages.last(CustomerMessage.FIX_CONFIRMED).parameters())
        .containsEntry("agentMessage", "Fixed: the report runs again.");
    assertThat(payouts.calls).isEmpty();
    assertThat(claim).isWaitingAt("Timer_FeedbackDue");

    fireTimersDueAfter(Duration.ofDays(3));
    assertThat(messages.messages()).contains(CustomerMessage.FEEDBACK_REQUESTED);
    engine.getRuntimeService().createMessageCorrelation(RefundProcess.MESSAGE_FEEDBACK_RECEIVED)
        .processInstanceBusinessKey(REF).correlate();
    assertThat(claim).isEnded().hasPassed("Event_FeedbackGiven");
  }

  @Test
  @DisplayName("RF-4: an issue that cannot be fixed becomes an offer of credit; accepted, the wallet is credited once")
  void RF4_issueThatCannotBeFixedBecomesACreditOffer() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(4), dateDaysAgo(3)));
    completeReview(claim, Map.of("reviewDecision", "TRY_FIX", "replyMessage", "We are looking into it."));

    completeTask(claim, "Task_AttemptFix", Map.of("fixOutcome", "NOT_FIXABLE", "offerType", "CREDIT",
        "offerAmount", 30.0, "offerDescription", "A credit for your next audit", "replyMessage", "Sorry."));

    assertThat(claim).isWaitingAt("Task_AwaitConsent");
    assertThat(caseRecord().offer().type()).isEqualTo(OfferType.CREDIT);
    assertThat(caseRecord().offer().amount()).isEqualTo(Money.of(3000, "EUR"));
    accept();
    executeAsyncJobs(claim);

    assertThat(payouts.payouts).containsOnlyKeys(REF + ":credit");
    assertThat(payouts.payouts.get(REF + ":credit").amount()).isEqualTo(Money.of(3000, "EUR"));
    assertCase(CaseStatus.RESOLVED, CaseOutcome.CREDITED, "RF-8");
    assertThat(messages.last(CustomerMessage.CREDIT_ADDED).parameters()).containsEntry("amount", Money.of(3000, "EUR"));
  }

  // ------------------------------------------------------------------ offers and consent (RF-7, RF-8)

  @Test
  @DisplayName("RF-8: an accepted partial refund is paid exactly once even when the payout job is retried")
  void RF8_acceptedPartialRefundIsPaidOnceEvenWhenThePayoutJobIsRetried() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(4), dateDaysAgo(3)));
    completeReview(claim, offer("PARTIAL_REFUND", 45.5));
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.OFFER_PENDING);
    assertThat(messages.last(CustomerMessage.OFFER_MADE).parameters())
        .containsEntry("offerType", OfferType.PARTIAL_REFUND)
        .containsEntry("amount", Money.of(4550, "EUR"))
        .containsEntry("agentMessage", "Here is our offer.");

    accept();
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.IN_PAYMENT);
    payouts.failuresToThrow = 1;
    Job payout = engine.getManagementService().createJobQuery().processInstanceId(claim.getId()).singleResult();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(payout.getId()))
        .hasMessageContaining("processor unavailable");
    assertThat(engine.getManagementService().createJobQuery().jobId(payout.getId()).singleResult().getRetries())
        .as("a failed payout is retried (R5/PT5M), then becomes an incident").isEqualTo(4);
    engine.getManagementService().executeJob(payout.getId());

    assertThat(payouts.calls).containsExactly(REF + ":refund", REF + ":refund");
    assertThat(payouts.payouts).containsOnlyKeys(REF + ":refund");
    assertThat(payouts.payouts.get(REF + ":refund").target()).isEqualTo("pay-1");
    assertThat(payouts.payouts.get(REF + ":refund").amount()).isEqualTo(Money.of(4550, "EUR"));
    assertCase(CaseStatus.RESOLVED, CaseOutcome.PARTIALLY_REFUNDED, "RF-8");
    assertThat(messages.last(CustomerMessage.REFUND_PAID).parameters()).containsEntry("amount", Money.of(4550, "EUR"));
    assertThat(claim).isWaitingAt("Timer_FeedbackDue");
  }

  @Test
  @DisplayName("RF-8: a declined offer brings the claim back to review, and the offer is withdrawn")
  void RF8_declinedOfferReturnsToReview() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(4), dateDaysAgo(3)));
    completeReview(claim, offer("PARTIAL_REFUND", 20.0));

    engine.getRuntimeService().createMessageCorrelation(RefundProcess.MESSAGE_OFFER_DECLINED)
        .processInstanceBusinessKey(REF).correlate();

    assertThat(claim).isWaitingAt("Task_ReviewClaim");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.IN_REVIEW);
    assertThat(caseRecord().offer()).isNull();
    assertThat(payouts.calls).isEmpty();
  }

  @Test
  @DisplayName("RF-8: an unanswered offer is reminded after 5 days and the case closes after 7")
  void RF8_unansweredOfferIsRemindedThenClosed() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(4), dateDaysAgo(3)));
    completeReview(claim, offer("FULL_REFUND", null));

    fireTimersDueAfter(Duration.ofDays(5));
    assertThat(messages.messages()).contains(CustomerMessage.OFFER_REMINDER);
    fireTimersDueAfter(Duration.ofDays(7));

    assertThat(claim).isEnded().hasPassed("Task_CloseNoAnswer");
    assertCase(CaseStatus.CLOSED, CaseOutcome.NO_RESPONSE, null);
    assertThat(caseRecord().offer()).isNull();
    assertThat(payouts.calls).isEmpty();
  }

  @Test
  @DisplayName("RF-8: the consent wait reminds at exactly 5 days and closes at exactly 7 days after the offer")
  void RF8_consentWaitRemindsAtFiveDaysAndClosesAtSeven() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(4), dateDaysAgo(3)));
    completeReview(claim, offer("FULL_REFUND", null));
    assertThat(timerDue(claim, "Timer_ConsentReminder")).isEqualTo(NOW.plus(Duration.ofDays(5)));
    assertThat(timerDue(claim, "Timer_ConsentDeadline")).isEqualTo(NOW.plus(Duration.ofDays(7)));

    fireTimersDueBy(NOW.plus(Duration.ofDays(5)).minusMillis(1));
    assertThat(messages.messages()).doesNotContain(CustomerMessage.OFFER_REMINDER);
    fireTimersDueAfter(Duration.ofDays(5));
    assertThat(messages.messages()).containsOnlyOnce(CustomerMessage.OFFER_REMINDER);
    assertThat(messages.last(CustomerMessage.OFFER_REMINDER).parameters())
        .containsEntry("respondBy", NOW.plus(Duration.ofDays(7)));
    assertThat(claim).isWaitingAt("Task_AwaitConsent");

    fireTimersDueBy(NOW.plus(Duration.ofDays(7)).minusMillis(1));
    assertThat(claim).isWaitingAt("Task_AwaitConsent");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.OFFER_PENDING);
    fireTimersDueAfter(Duration.ofDays(7));
    assertThat(claim).isEnded().hasPassed("Task_CloseNoAnswer");
  }

  @Test
  @DisplayName("RF-8: an offer accepted after the reminder is paid, and the case does not close for silence")
  void RF8_offerAcceptedAfterTheReminderIsPaid() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(4), dateDaysAgo(3)));
    completeReview(claim, offer("PARTIAL_REFUND", 45.5));
    fireTimersDueAfter(Duration.ofDays(5));
    assertThat(messages.messages()).contains(CustomerMessage.OFFER_REMINDER);

    fireTimersDueAfter(Duration.ofDays(6));
    accept();
    assertThat(timerDue(claim, "Timer_ConsentDeadline")).as("the answer cancels the deadline").isNull();
    executeAsyncJobs(claim);
    fireTimersDueAfter(Duration.ofDays(7));

    assertThat(payouts.payouts).containsOnlyKeys(REF + ":refund");
    assertCase(CaseStatus.RESOLVED, CaseOutcome.PARTIALLY_REFUNDED, "RF-8");
    assertThat(claim).hasNotPassed("Task_CloseNoAnswer");
    assertThat(messages.messages()).doesNotContain(CustomerMessage.CLOSED_NO_RESPONSE);
  }

  @Test
  @DisplayName("RF-8: an offer declined after the reminder returns the claim to review")
  void RF8_offerDeclinedAfterTheReminderReturnsToReview() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(4), dateDaysAgo(3)));
    completeReview(claim, offer("PARTIAL_REFUND", 20.0));
    fireTimersDueAfter(Duration.ofDays(5));

    engine.getRuntimeService().createMessageCorrelation(RefundProcess.MESSAGE_OFFER_DECLINED)
        .processInstanceBusinessKey(REF).correlate();

    assertThat(claim).isWaitingAt("Task_ReviewClaim");
    assertThat(caseRecord().status()).isEqualTo(CaseStatus.IN_REVIEW);
    assertThat(caseRecord().offer()).isNull();
    assertThat(timerDue(claim, "Timer_ConsentDeadline")).isNull();
  }

  @Test
  @DisplayName("RF-8: an offer accepted before the reminder means no reminder ever goes out")
  void RF8_offerAcceptedBeforeTheReminderMeansNoReminder() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(4), dateDaysAgo(3)));
    completeReview(claim, offer("PARTIAL_REFUND", 20.0));

    accept();
    assertThat(timerDue(claim, "Timer_ConsentReminder")).isNull();
    executeAsyncJobs(claim);
    fireTimersDueAfter(Duration.ofDays(5));

    assertThat(messages.messages()).doesNotContain(CustomerMessage.OFFER_REMINDER);
    assertThat(claim).hasNotPassed("Task_RemindConsent");
  }

  @Test
  @DisplayName("RF-8: a refund above the agent's authority goes to a manager; the customer hears from us at once")
  void RF8_refundAboveTheAgentsAuthorityNeedsApproval() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(4), dateDaysAgo(3), 15000));
    completeReview(claim, offer("FULL_REFUND", null));

    assertThat(claim).isWaitingAt("Task_ApproveOffer");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task(claim, "Task_ApproveOffer").getId()))
        .anyMatch(link -> "managers".equals(link.getGroupId()));
    assertThat(messages.messages()).containsSubsequence(CustomerMessage.CLAIM_RECEIVED, CustomerMessage.AGENT_REPLY);
    assertThat(engine.getRuntimeService().getVariable(claim.getId(), RefundVariables.OFFER_SUMMARY))
        .isEqualTo("FULL_REFUND of 150.00 EUR");

    completeTask(claim, "Task_ApproveOffer", Map.of("approvalDecision", "APPROVE"));
    assertThat(claim).isWaitingAt("Task_AwaitConsent");
    assertThat(messages.last(CustomerMessage.OFFER_MADE).parameters()).doesNotContainKey("agentMessage")
        .containsEntry("amount", Money.of(15000, "EUR"));
  }

  @Test
  @DisplayName("RF-7: an exception outside the terms goes to a manager, who may change the amount")
  void RF7_exceptionGoesToAManagerWhoMayChangeTheAmount() {
    ProcessInstance claim = file("OTHER", order("SERVICE", "RENDERED", daysAgo(20), dateDaysAgo(18)));
    Map<String, Object> decision = new HashMap<>(offer("PARTIAL_REFUND", 40.0));
    decision.put("isException", true);
    completeReview(claim, decision);
    assertThat(engine.getRuntimeService().getVariable(claim.getId(), RefundVariables.APPROVAL_RULE_ID)).isEqualTo("RF-7");

    completeTask(claim, "Task_ApproveOffer", Map.of("approvalDecision", "APPROVE", "offerAmount", 25));

    assertThat(caseRecord().offer().amount()).isEqualTo(Money.of(2500, "EUR"));
    accept();
    executeAsyncJobs(claim);
    assertThat(payouts.payouts.get(REF + ":refund").amount()).isEqualTo(Money.of(2500, "EUR"));
    assertCase(CaseStatus.RESOLVED, CaseOutcome.PARTIALLY_REFUNDED, "RF-8");
  }

  @Test
  @DisplayName("RF-7: a manager who grants no exception refuses the claim, citing RF-7, with a message")
  void RF7_managerRefusingTheExceptionRefusesTheClaim() {
    ProcessInstance claim = file("OTHER", order("SERVICE", "RENDERED", daysAgo(20), dateDaysAgo(18)));
    Map<String, Object> decision = new HashMap<>(offer("PARTIAL_REFUND", 40.0));
    decision.put("isException", true);
    completeReview(claim, decision);

    completeTask(claim, "Task_ApproveOffer", Map.of("approvalDecision", "REFUSE", "refusalRuleId", "RF-7",
        "replyMessage", "We cannot make an exception here."));

    assertThat(claim).isEnded().hasPassed("Task_SendRefusal");
    assertCase(CaseStatus.REJECTED, CaseOutcome.REFUSED, "RF-7");
    assertThat(messages.last(CustomerMessage.CLAIM_REFUSED).parameters())
        .containsEntry("agentMessage", "We cannot make an exception here.");
    assertThat(payouts.calls).isEmpty();
  }

  @Test
  @DisplayName("RF-5: on review the agent refuses for user error, citing RF-5")
  void RF5_agentRefusesForUserError() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(4), dateDaysAgo(3)));

    completeReview(claim, Map.of("reviewDecision", "REFUSE", "refusalRuleId", "RF-5",
        "replyMessage", "The error came from the settings you changed."));

    assertThat(claim).isEnded();
    assertCase(CaseStatus.REJECTED, CaseOutcome.REFUSED, "RF-5");
  }

  @Test
  @DisplayName("a partial refund of the whole order amount is refused on the form, and the task stays open")
  void formRefusesAPartialRefundOfTheWholeAmount() {
    ProcessInstance claim = file("SERVICE_ISSUE", order("SERVICE", "RENDERED", daysAgo(4), dateDaysAgo(3)));

    // The engine wraps a listener's exception; its message, which Tasklist shows, keeps ours.
    assertThatThrownBy(() -> completeReview(claim, offer("PARTIAL_REFUND", 90.0)))
        .hasRootCauseInstanceOf(InvalidFormInputException.class)
        .hasMessageContaining("less than the 90.00 EUR left to refund on the order");
    assertThatThrownBy(() -> completeReview(claim, offer("PARTIAL_REFUND", 10.005)))
        .hasMessageContaining("at most 2 decimals");
    assertThatThrownBy(() -> completeReview(claim, Map.of("reviewDecision", "REFUSE", "refusalRuleId", "RF-9",
        "replyMessage", "No.")))
        .hasMessageContaining("Choose the rule the refusal rests on");

    assertThat(claim).isWaitingAt("Task_ReviewClaim");
    assertThat(messages.messages()).containsExactly(CustomerMessage.CLAIM_RECEIVED);
  }

  // ------------------------------------------------------------------ the 24-48 h first reply (SL-1)

  @Test
  @DisplayName("SL-1: at 24 h the review's priority rises and the team lead is told; at 48 h a breach and a manager task")
  void SL1_lateFirstReplyIsRaisedAt24hAndEscalatedAt48h() {
    ProcessInstance claim = file("NOT_DELIVERED", order("SERVICE", "BOOKED", daysAgo(2), null));

    fireTimersDueAfter(Duration.ofHours(24));
    assertThat(review(claim).getPriority()).isEqualTo(TaskPriorities.ESCALATED);
    assertThat(messages.staff).singleElement().satisfies(notice -> assertThat(notice.reference()).isEqualTo(REF));
    assertThat(cases.breaches).isEmpty();

    fireTimersDueAfter(Duration.ofHours(48));
    assertThat(cases.breaches).singleElement().satisfies(breach -> {
      assertThat(breach.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(48)));
      assertThat(breach.task()).isEqualTo("Task_ReviewClaim");
    });
    Task escalation = task(claim, "Task_HandleEscalation");
    assertThat(engine.getTaskService().getIdentityLinksForTask(escalation.getId()))
        .anyMatch(link -> "managers".equals(link.getGroupId()));
    assertThat(escalation.getPriority()).isEqualTo(TaskPriorities.ESCALATED);

    ensureSupportAgent("anna");
    engine.getTaskService().complete(escalation.getId(), Map.of("assignReviewTo", "anna"));
    assertThat(review(claim).getAssignee()).isEqualTo("anna");

    completeReview(claim, Map.of("reviewDecision", "ASK_EVIDENCE", "replyMessage", "Which page is missing?"));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(claim.getId()).count()).isZero();
  }

  @Test
  @DisplayName("SL-1: a reply within 24 h ends the review and its timers: no priority change, no breach")
  void SL1_replyInTimeLeavesNoBreach() {
    ProcessInstance claim = file("NOT_DELIVERED", order("SERVICE", "BOOKED", daysAgo(2), null));
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(3))));

    completeReview(claim, Map.of("reviewDecision", "ASK_EVIDENCE", "replyMessage", "Which page is missing?"));

    assertThat(engine.getManagementService().createJobQuery().processInstanceId(claim.getId()).timers().list())
        .extracting(Job::getDuedate).allSatisfy(due -> assertThat(due.toInstant())
            .isAfter(NOW.plus(Duration.ofDays(5))));
    assertThat(messages.staff).isEmpty();
    assertThat(cases.breaches).isEmpty();
  }

  @Test
  @DisplayName("SL-1: a manager may only hand the late review to a member of support")
  void SL1_escalationRefusesAnAssigneeOutsideSupport() {
    ProcessInstance claim = file("NOT_DELIVERED", order("SERVICE", "BOOKED", daysAgo(2), null));
    fireTimersDueAfter(Duration.ofHours(48));
    Task escalation = task(claim, "Task_HandleEscalation");

    assertThatThrownBy(() -> engine.getTaskService().complete(escalation.getId(), Map.of("assignReviewTo", "nobody")))
        .hasRootCauseInstanceOf(InvalidFormInputException.class).hasMessageContaining("not a user of the support group");
    assertThat(review(claim).getAssignee()).isNull();
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance file(String reason, Order order) {
    return file(reason, order, "standard");
  }

  private ProcessInstance file(String reason, Order order, String profile) {
    when(orders.findOrder(order.id())).thenReturn(java.util.Optional.of(order));
    when(payments.paymentsOfOrder(order.id())).thenReturn(List.of(new Payment("pay-1", order.id(), "ch_test_1",
        order.amount(), order.currency(), order.orderedAt().plusSeconds(60), Payment.Status.CAPTURED)));
    cases.open(REF, order.id(), profile, NOW);
    payouts.worth = Money.of(order.amount(), order.currency());
    return engine.getRuntimeService().startProcessInstanceByKey(RefundProcess.KEY, REF, Map.of(
        RefundProcess.CASE_REFERENCE, REF, RefundProcess.ORDER_ID, order.id(), RefundProcess.REASON, reason,
        RefundProcess.CLAIM_DESCRIPTION, "It did not work as promised.", RefundProcess.POLICY_PROFILE, profile));
  }

  private static Order order(String type, String status, Instant orderedAt, LocalDate serviceDate) {
    return order(type, status, orderedAt, serviceDate, 9000);
  }

  private static Order order(String type, String status, Instant orderedAt, LocalDate serviceDate, long amount) {
    return new Order("ord-1", new Customer("cus-1", "Marie Dubois", "marie@example.com", Customer.Language.FR),
        Order.ProductType.valueOf(type), "Website audit", amount, "EUR", orderedAt, serviceDate,
        Order.ServiceStatus.valueOf(status));
  }

  private static Instant daysAgo(int days) {
    return NOW.minus(Duration.ofDays(days));
  }

  private static LocalDate dateDaysAgo(int days) {
    return LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(days);
  }

  private static Map<String, Object> offer(String type, Double amount) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("reviewDecision", "OFFER");
    variables.put("offerType", type);
    if (amount != null) {
      variables.put("offerAmount", amount);
    }
    variables.put("replyMessage", "Here is our offer.");
    return variables;
  }

  private Task review(ProcessInstance claim) {
    return task(claim, "Task_ReviewClaim");
  }

  private Task task(ProcessInstance claim, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(claim.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  private void completeReview(ProcessInstance claim, Map<String, Object> variables) {
    completeTask(claim, "Task_ReviewClaim", variables);
  }

  private void completeTask(ProcessInstance claim, String key, Map<String, Object> variables) {
    Task task = task(claim, key);
    assertThat(task).as("open task " + key).isNotNull();
    engine.getTaskService().complete(task.getId(), variables);
  }

  private void accept() {
    engine.getRuntimeService().createMessageCorrelation(RefundProcess.MESSAGE_OFFER_ACCEPTED)
        .processInstanceBusinessKey(REF).correlate();
  }

  /** When the process instance's timer job of {@code timerId} is due, or null when it has none. */
  private Instant timerDue(ProcessInstance claim, String timerId) {
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(claim.getId()).timers()
        .activityId(timerId).singleResult();
    return timer == null ? null : timer.getDuedate().toInstant();
  }

  private void fireTimersDueBy(Instant target) {
    EngineJobs.fireTimersDueBy(engine.getManagementService(), target);
  }

  /** Moves the engine clock to {@code NOW + after} and executes every timer due by then. */
  private void fireTimersDueAfter(Duration after) {
    EngineJobs.fireTimersDueBy(engine.getManagementService(), NOW.plus(after));
  }

  private void executeAsyncJobs(ProcessInstance claim) {
    EngineJobs.executeAsyncJobs(engine.getManagementService(), claim.getId());
  }

  private CaseRecord caseRecord() {
    return cases.get(REF);
  }

  private void assertCase(CaseStatus status, CaseOutcome outcome, String ruleId) {
    CaseRecord record = caseRecord();
    assertThat(record.status()).isEqualTo(status);
    assertThat(record.outcome()).isEqualTo(outcome);
    assertThat(record.ruleId()).isEqualTo(ruleId);
  }

  private void ensureSupportAgent(String id) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      identity.saveUser(user);
      if (identity.createGroupQuery().groupId("support").count() == 0) {
        identity.saveGroup(identity.newGroup("support"));
      }
      identity.createMembership(id, "support");
    }
  }
}
