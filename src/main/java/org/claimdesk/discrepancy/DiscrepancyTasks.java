package org.claimdesk.discrepancy;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.cases.CaseChange;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.PayoutDecision;
import org.claimdesk.cases.ServiceLevels;
import org.claimdesk.commerce.Money;
import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.notification.CustomerNotifier;
import org.claimdesk.notification.StaffNotifier;
import org.claimdesk.payment.PayoutReceipt;
import org.claimdesk.payment.CasePayouts;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/**
 * Every step of {@code payment-discrepancy} (PD-1..PD-6), bean {@code discrepancyTasks}: what the
 * case record says, what the customer and staff are told, the investigation notes, and the money
 * moved once. Each call runs in the caller's transaction (the engine's), except the payouts, which
 * commit on their own ({@link CasePayouts}).
 *
 * <p>A step that only passes variables on is a method the diagram calls
 * ({@code ${discrepancyTasks.acknowledge(caseReference, amount, currency, capturedAt)}}); a step
 * that reads the business key, sets variables or reads its task is a typed delegate this bean hands
 * out ({@code camunda:delegateExpression="${discrepancyTasks.refundPayment}"}); the two forms' rules
 * are {@link DiscrepancyFormRules}. Each member a model names is on {@code ExpressionAllowList}.
 */
@Component
public class DiscrepancyTasks {

  private final CaseService cases;
  private final CustomerNotifier customer;
  private final StaffNotifier staff;
  private final ServiceLevels serviceLevels;
  private final DiscrepancyTimes times;
  private final CasePayouts payouts;
  private final DiscrepancyFacts facts;
  private final DiscrepancyChecks checks;
  private final DiscrepancyFindings findings;
  private final ResolutionDocuments documents;
  private final Clock clock;

  public DiscrepancyTasks(CaseService cases, CustomerNotifier customer, StaffNotifier staff,
      ServiceLevels serviceLevels, DiscrepancyTimes times, CasePayouts payouts, DiscrepancyFacts facts,
      DiscrepancyChecks checks, DiscrepancyFindings findings, ResolutionDocuments documents, Clock clock) {
    this.cases = cases;
    this.customer = customer;
    this.staff = staff;
    this.serviceLevels = serviceLevels;
    this.times = times;
    this.payouts = payouts;
    this.facts = facts;
    this.checks = checks;
    this.findings = findings;
    this.documents = documents;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ the typed delegates the diagram calls

  /**
   * Task_LoadPaymentFacts: the payment and its order from the merchant data, and PD-2: was the
   * report made within 60 days of the payment's capture?
   */
  public JavaDelegate getLoadPaymentFacts() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      DiscrepancyFacts.Facts loaded = facts.load(v.paymentId());
      Instant capturedAt = loaded.payment().capturedAt();
      Money expected = v.raw(DiscrepancyVariables.EXPECTED_AMOUNT) == null ? null
          : new Money(((Number) v.raw(DiscrepancyVariables.EXPECTED_AMOUNT)).longValue(),
              loaded.payment().money().currency());
      v.set(DiscrepancyVariables.CUSTOMER_ID, loaded.order().customer().id());
      v.set(DiscrepancyVariables.CUSTOMER_NAME, loaded.order().customer().name());
      v.set(DiscrepancyVariables.ORDER_ID, loaded.order().id());
      v.set(DiscrepancyVariables.AMOUNT, loaded.payment().amount());
      v.set(DiscrepancyVariables.CURRENCY, loaded.payment().currency());
      v.set(DiscrepancyVariables.ORDER_AMOUNT, loaded.order().amount());
      v.set(DiscrepancyVariables.CAPTURED_AT, Date.from(capturedAt));
      v.set(DiscrepancyVariables.WITHIN_REPORT_WINDOW, !clock.instant().isAfter(times.reportWindowEnd(capturedAt)));
      v.set(DiscrepancyVariables.PAYMENT_SUMMARY, DiscrepancyFacts.summary(loaded));
      v.set(DiscrepancyVariables.REPORT_SUMMARY, v.string(DiscrepancyVariables.REPORT_KIND) + " reported by "
          + v.string(DiscrepancyVariables.REPORT_CHANNEL) + (expected == null ? "" : ", expected " + expected)
          + ":\n" + v.string(DiscrepancyVariables.REPORT_DESCRIPTION));
      v.set(DiscrepancyVariables.ROUND, 1);
    };
  }

  /**
   * Task_RunChecks (PD-3): the automatic checks against the processor and the merchant data,
   * stored on the case. A duplicate charge they prove needs no investigator: the decision is
   * prepared here (the later payment is refunded in full).
   */
  public JavaDelegate getRunChecks() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      DiscrepancyFacts.Facts loaded = facts.load(v.paymentId());
      DiscrepancyChecks.Result result = checks.check(loaded.payment(), loaded.order(),
          DiscrepancyKind.valueOf(v.string(DiscrepancyVariables.REPORT_KIND)));
      findings.store(v.caseReference(), result.findings());
      Money refunded = result.findings().stream()
          .filter(f -> f.code() == CheckFinding.Code.ALREADY_REFUNDED)
          .map(CheckFinding::amount)
          .findFirst()
          .orElse(Money.zero(loaded.payment().money().currency()));
      v.set(DiscrepancyVariables.FINDINGS_SUMMARY, DiscrepancyChecks.summary(result.findings()));
      v.set(DiscrepancyVariables.REFUNDED_AMOUNT, refunded.amount());
      v.set(DiscrepancyVariables.DUPLICATE_PAYMENT_ID, result.duplicatePaymentId());
      v.set(DiscrepancyVariables.DUPLICATE_CONFIRMED, result.duplicateConfirmed());
      if (result.duplicateConfirmed()) {
        v.set(DiscrepancyVariables.CAUSE, Cause.DUPLICATE_CHARGE.name());
        v.set(DiscrepancyVariables.PREFERRED_REMEDY, null);
        v.set(DiscrepancyVariables.CONCLUSION, null);
        v.set(DiscrepancyVariables.RECTIFY_PAYMENT_ID, result.duplicatePaymentId());
        v.set(DiscrepancyVariables.RECTIFY_AMOUNT, loaded.payment().amount());
        decideRectification(v.caseReference(), v.round(),
            Optional.of(new Rectification.Amount(loaded.payment().money(), result.duplicatePaymentId())));
      }
    };
  }

  /**
   * Task_InvestigateDiscrepancy, on create (SL-1): the case is in review with a reply due by the
   * task's due date; the form starts with the next step and the request empty, not with the last round's.
   */
  public TaskListener getInvestigationOpened() {
    return task -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(task);
      v.set(DiscrepancyVariables.INVESTIGATION_STEP, null);
      v.set(DiscrepancyVariables.REQUEST_TEXT, null);
      v.set(DiscrepancyVariables.REPLY_DUE_TEXT, FirstReplySteps.staffTime(task.getDueDate().toInstant()));
      cases.change(v.caseReference(), CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(task.getDueDate().toInstant()));
    };
  }

  /**
   * Task_InvestigateDiscrepancy, on complete: the rules of form {@code investigate-discrepancy}
   * ({@link DiscrepancyFormRules#investigation}); a finding's rectification is recorded on the case,
   * which the payout steps pay ({@link #decideRectification}).
   */
  public TaskListener getInvestigationRules() {
    return task -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(task);
      DiscrepancyFormRules.investigation(v)
          .ifPresent(finding -> decideRectification(v.caseReference(), v.round(), finding.amount()));
    };
  }

  /** Task_AskProcessor (PD-3): the investigator's request is noted; the customer learns whom we asked, and until when. */
  public JavaDelegate getAskProcessor() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      String institution = v.string(DiscrepancyVariables.INSTITUTION);
      Instant answerDueBy = askProcessor(v.caseReference(), institution);
      v.addNote(FirstReplySteps.staffTime(clock.instant()) + " Asked " + whom(institution) + ", answer due by "
          + FirstReplySteps.staffTime(answerDueBy) + ": " + v.string(DiscrepancyVariables.REQUEST_TEXT));
      v.set(DiscrepancyVariables.PROCESSOR_ANSWER, null);
      v.set(DiscrepancyVariables.ANSWERED_BY, null);
    };
  }

  /** Task_RecordProcessorAnswer (PD-3): the answer joins the investigation notes the investigator reads next. */
  public JavaDelegate getRecordProcessorAnswer() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      v.addNote(FirstReplySteps.staffTime(clock.instant()) + " Answer from "
          + whom(v.string(DiscrepancyVariables.ANSWERED_BY)) + ": " + v.string(DiscrepancyVariables.PROCESSOR_ANSWER));
    };
  }

  /** Task_NoteProcessorSilent (PD-3): no answer by the deadline; the investigation goes on without it. */
  public JavaDelegate getNoteProcessorSilent() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      v.addNote(FirstReplySteps.staffTime(clock.instant()) + " No answer from "
          + whom(v.string(DiscrepancyVariables.INSTITUTION)) + " by the deadline.");
    };
  }

  /** Task_AskCustomerDetails: the investigator's question goes to the customer, who has 7 days. */
  public JavaDelegate getAskCustomerDetails() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      String question = v.string(DiscrepancyVariables.REQUEST_TEXT);
      askCustomer(v.caseReference(), question);
      v.addNote(FirstReplySteps.staffTime(clock.instant()) + " Asked the customer: " + question);
    };
  }

  /** Task_ResumeWithDetails: the customer sent details; the investigation goes on with them. */
  public JavaDelegate getResumeWithDetails() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      resumeInvestigation(v.caseReference());
      v.addNote(FirstReplySteps.staffTime(clock.instant()) + " The customer sent details (see their files).");
    };
  }

  /** Task_NoteCustomerSilent: no details in 7 days; the investigation goes on with what it has. */
  public JavaDelegate getNoteCustomerSilent() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      resumeInvestigation(v.caseReference());
      v.addNote(FirstReplySteps.staffTime(clock.instant()) + " No details from the customer by the deadline.");
    };
  }

  /**
   * Task_RecordDecision: the DMN's verdict ({@code merchantLiable}, {@code remedy}, {@code ruleId})
   * as process variables; when money moves, the case is in payment.
   */
  public JavaDelegate getRecordDecision() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      @SuppressWarnings("unchecked")
      Map<String, Object> liability = (Map<String, Object>) v.raw(DiscrepancyVariables.LIABILITY);
      if (liability == null || liability.get("remedy") == null) {
        throw new IllegalStateException("discrepancyLiability gave no remedy for cause "
            + v.string(DiscrepancyVariables.CAUSE));
      }
      Remedy remedy = Remedy.valueOf((String) liability.get("remedy"));
      v.set(DiscrepancyVariables.MERCHANT_LIABLE, Boolean.TRUE.equals(liability.get("merchantLiable")));
      v.set(DiscrepancyVariables.REMEDY, remedy.name());
      v.set(DiscrepancyVariables.RULE_ID, liability.get("ruleId"));
      if (remedy == Remedy.REFUND || remedy == Remedy.BALANCE_ADJUSTMENT) {
        if (v.raw(DiscrepancyVariables.RECTIFY_AMOUNT) == null) {
          throw new IllegalStateException("A " + remedy + " without an amount for cause "
              + v.string(DiscrepancyVariables.CAUSE));
        }
        rectifying(v.caseReference());
      }
    };
  }

  /**
   * Task_RefundPayment (PD-4), asynchronous with retries: the refund through the processor, once
   * per case and round (key {@code <case>:refund-<round>}); a retry after a crash repeats the same
   * request and the processor answers with the first refund. The case is the business key; the
   * payment and the amount are the round's decision, from the database.
   */
  public JavaDelegate getRefundPayment() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      v.set(DiscrepancyVariables.ADJUSTMENT_REFERENCE, refund(execution.getProcessBusinessKey(), v.round()).reference());
    };
  }

  /**
   * Task_AdjustBalance (PD-4), asynchronous with retries: the balance adjustment, a wallet credit
   * once per case and round (ledger entry {@code claimdesk-<case>:adjust-<round>}); the amount is
   * the round's decision, from the database.
   */
  public JavaDelegate getAdjustBalance() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      v.set(DiscrepancyVariables.ADJUSTMENT_REFERENCE,
          adjustBalance(execution.getProcessBusinessKey(), v.round()).reference());
    };
  }

  /**
   * Task_DocumentResolution (PD-6), asynchronous with retries: the case's outcome is recorded, the
   * resolution document written and stored on the case, and sent to the customer with it attached;
   * all in one transaction, so a retry does it whole or not at all.
   */
  public JavaDelegate getSendResolution() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      Resolution resolution = Resolution.of(v);
      recordResolution(resolution.reference(), resolution.remedy(), resolution.moved(), v.amount(),
          resolution.ruleId());
      Object expected = v.raw(DiscrepancyVariables.EXPECTED_AMOUNT);
      String documentId = documents.issue(resolution, new ResolutionDocuments.ReportFacts(v.paymentId(),
          DiscrepancyKind.valueOf(v.string(DiscrepancyVariables.REPORT_KIND)),
          ReportChannel.valueOf(v.string(DiscrepancyVariables.REPORT_CHANNEL)),
          v.string(DiscrepancyVariables.REPORT_DESCRIPTION),
          expected == null ? null : ((Number) expected).longValue()));
      sendResolution(resolution.reference(), resolution.cause(), resolution.remedy(), resolution.moved(),
          resolution.ruleId(), resolution.conclusion(), documentId);
      v.set(DiscrepancyVariables.RESOLUTION_SUMMARY, resolution.summary());
    };
  }

  /** Task_AskSatisfaction (PD-6): are you satisfied? The last round's answer is cleared. */
  public JavaDelegate getAskSatisfaction() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      v.set(DiscrepancyVariables.SATISFIED, null);
      v.set(DiscrepancyVariables.FEEDBACK_COMMENT, null);
      askSatisfaction(v.caseReference());
    };
  }

  /**
   * Task_ReopenInvestigation (PD-6): the customer is not satisfied. A new round begins (its money
   * moves under new keys, its document is a new one); a manager reviews first.
   */
  public JavaDelegate getReopenInvestigation() {
    return execution -> {
      DiscrepancyVariables v = DiscrepancyVariables.of(execution);
      String comment = v.string(DiscrepancyVariables.FEEDBACK_COMMENT);
      v.set(DiscrepancyVariables.ROUND, v.round() + 1);
      v.set(DiscrepancyVariables.REPLY_DUE_TEXT, FirstReplySteps.staffTime(reopen(v.caseReference())));
      v.set(DiscrepancyVariables.REVIEW_OUTCOME, null);
      v.set(DiscrepancyVariables.MANAGER_NOTE, null);
      v.addNote(FirstReplySteps.staffTime(clock.instant()) + " The customer is not satisfied"
          + (comment == null || comment.isBlank() ? "." : ": " + comment));
    };
  }

  /** Task_ReviewDissatisfaction, on complete: the rules of form {@code review-dissatisfaction}. */
  public TaskListener getDissatisfactionReviewRules() {
    return task -> DiscrepancyFormRules.dissatisfactionReview(DiscrepancyVariables.of(task), clock.instant());
  }

  // ------------------------------------------------------------------ the steps

  /** PROCESSOR or BANK, as a note names it. */
  static String whom(String institution) {
    return "BANK".equals(institution) ? "the bank" : "the payment processor";
  }

  /** Task_AnswerOutsideWindow, PD-2: reported after the 60 days; answered at once, politely, with where help is still available. */
  public void answerOutsideWindow(String reference, Date captured) {
    Instant capturedAt = captured.toInstant();
    Instant windowEnd = times.reportWindowEnd(capturedAt);
    cases.change(reference, CaseChange.decided(CaseStatus.REJECTED, CaseOutcome.REFUSED, "PD-2"));
    customer.send(reference, CustomerMessage.DISCREPANCY_OUTSIDE_WINDOW, Map.of("capturedAt", capturedAt,
        "windowEndedAt", windowEnd, "supportContact", times.properties().supportContact()));
  }

  /** Task_AcknowledgeReport, PD-1: the investigation starts at once, and the customer learns by when they will hear from us (SL-1). */
  public void acknowledge(String reference, long paid, String currency, Date captured) {
    Money amount = new Money(paid, Money.currency(currency));
    Instant capturedAt = captured.toInstant();
    Instant replyDueBy = serviceLevels.replyDueBy();
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(replyDueBy));
    customer.send(reference, CustomerMessage.DISCREPANCY_RECEIVED,
        Map.of("amount", amount, "capturedAt", capturedAt, "replyDueBy", replyDueBy));
  }

  /** PD-3: the investigator asked the processor or the bank; the customer learns we wait for them, and until when. */
  Instant askProcessor(String reference, String institution) {
    Instant answerDueBy = times.processorAnswerDueBy();
    cases.change(reference, CaseChange.keepStatus().replyDueBy(answerDueBy));
    customer.send(reference, CustomerMessage.DISCREPANCY_PROCESSOR_CONSULTED,
        Map.of("institution", institution, "answerDueBy", answerDueBy));
    return answerDueBy;
  }

  /** Task_RemindProcessor, PD-3: the processor's or bank's answer is late; finance's team lead is told. */
  public void remindProcessor(String reference, String institution, String request) {
    String whom = "BANK".equals(institution) ? "the bank" : "the payment processor";
    staff.notifyTeamLead(reference, "Answer from " + whom + " late: case " + reference,
        "The investigation of case " + reference + " asked " + whom + " for their records and has no answer yet."
            + (request == null || request.isBlank() ? "" : " The request was: " + request.strip())
            + " The investigation goes on without it when the deadline passes.");
  }

  /** The investigator asks the customer for details; they have 7 days, and the investigation goes on after that. */
  void askCustomer(String reference, String question) {
    cases.change(reference, CaseChange.to(CaseStatus.WAITING_FOR_CUSTOMER).noReplyDue());
    customer.send(reference, CustomerMessage.DISCREPANCY_DETAILS_REQUESTED,
        Map.of("agentMessage", question.strip(), "respondBy", serviceLevels.customerRespondBy()));
  }

  /** Task_RemindCustomerDetails: the customer is reminded; they have until the deadline. */
  public void remindCustomer(String reference) {
    customer.send(reference, CustomerMessage.DISCREPANCY_DETAILS_REMINDER,
        Map.of("respondBy", serviceLevels.customerRespondByAfterReminder()));
  }

  /** The details came, or the wait is over: the investigation goes on. */
  void resumeInvestigation(String reference) {
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW));
  }

  /** Money moves: the case is in payment until the resolution is sent. */
  void rectifying(String reference) {
    cases.change(reference, CaseChange.to(CaseStatus.IN_PAYMENT));
  }

  /**
   * Refunds {@code amount} of {@code paymentId}: the reported payment or the duplicate the checks
   * found. {@link CasePayouts} refuses a payment that is not the case's customer's and any amount
   * beyond what is left of the reported payment.
   */
  PayoutReceipt refund(String reference, int round) {
    PayoutDecision decided = rectificationOf(reference, round);
    return payouts.refund(reference, "refund-" + round, decided.paymentId(), decided.amount());
  }

  /** PD-4: the balance adjustment, a wallet credit, once per case and round. */
  PayoutReceipt adjustBalance(String reference, int round) {
    // the wallet is the case's customer's, from the case record; the amount the round's decision
    return payouts.credit(reference, "adjust-" + round, rectificationOf(reference, round).amount());
  }

  /**
   * Records what a round's finding moves (issue #20 point 2): the investigator's, checked by the
   * form rules, or the automatic checks' for a proven duplicate; none withdraws an earlier one. The
   * payout steps pay this, read from the database, whatever the process variables say since.
   */
  void decideRectification(String reference, int round, Optional<Rectification.Amount> amount) {
    cases.decidePayout(reference, roundDecision(round),
        amount.map(a -> new PayoutDecision(a.paymentId(), a.amount())).orElse(null));
  }

  private PayoutDecision rectificationOf(String reference, int round) {
    return cases.decidedPayout(reference, roundDecision(round)).orElseThrow(() -> new IllegalStateException(
        "Case " + reference + " has no decided rectification in round " + round));
  }

  static String roundDecision(int round) {
    return "round-" + round;
  }

  /** The case's outcome for a decision: what the customer got, and under which rule. */
  void recordResolution(String reference, Remedy remedy, Money moved, Money paid, String ruleId) {
    CaseOutcome outcome = switch (remedy) {
      case REFUND -> moved.equals(paid) ? CaseOutcome.REFUNDED : CaseOutcome.PARTIALLY_REFUNDED;
      case BALANCE_ADJUSTMENT -> CaseOutcome.CREDITED;
      case ASSISTANCE, NONE -> CaseOutcome.NO_FAULT_FOUND;
    };
    cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, outcome, ruleId));
  }

  /** PD-6: the resolution, with its document attached. */
  void sendResolution(String reference, Cause cause, Remedy remedy, Money moved, String ruleId,
      String conclusion, String documentId) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("cause", cause.name());
    parameters.put("remedy", remedy.name());
    parameters.put("ruleId", ruleId);
    if (moved != null && (remedy == Remedy.REFUND || remedy == Remedy.BALANCE_ADJUSTMENT)) {
      parameters.put("amount", moved);
    }
    if (conclusion != null && !conclusion.isBlank()) {
      parameters.put("agentMessage", conclusion.strip());
    }
    customer.send(reference, CustomerMessage.DISCREPANCY_RESOLVED, parameters, documentId);
  }

  /** PD-6: are you satisfied? */
  void askSatisfaction(String reference) {
    customer.send(reference, CustomerMessage.DISCREPANCY_FOLLOW_UP,
        Map.of("respondBy", serviceLevels.feedbackRespondBy()));
  }

  /** PD-6: the customer is not satisfied; the investigation reopens with a managers' review. */
  Instant reopen(String reference) {
    Instant replyDueBy = serviceLevels.replyDueBy();
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(replyDueBy));
    customer.send(reference, CustomerMessage.DISCREPANCY_REOPENED, Map.of("replyDueBy", replyDueBy));
    return replyDueBy;
  }

  /** Task_UpholdResolution: a manager confirms the resolution after the customer's dissatisfaction; the case closes as it was resolved. */
  public void uphold(String reference, String managerNote) {
    CaseRecord record = cases.get(reference);
    cases.change(reference, CaseChange.decided(CaseStatus.CLOSED, record.outcome(), record.ruleId()));
    customer.send(reference, CustomerMessage.DISCREPANCY_RESOLUTION_UPHELD, Map.of("agentMessage",
        managerNote.strip()));
  }
}
