package org.claimdesk.discrepancy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
import org.springframework.stereotype.Service;

/**
 * The payment discrepancy case's steps (PD-1..PD-6): what the case record says, what the
 * customer and staff are told, and the money moved once. Each call runs in the caller's
 * transaction (the engine's), except the payouts, which commit on their own ({@link Payouts}).
 */
@Service
public class DiscrepancySteps {

  private final CaseService cases;
  private final CustomerNotifier customer;
  private final StaffNotifier staff;
  private final ServiceLevels serviceLevels;
  private final DiscrepancyTimes times;
  private final CasePayouts payouts;

  public DiscrepancySteps(CaseService cases, CustomerNotifier customer, StaffNotifier staff,
      ServiceLevels serviceLevels, DiscrepancyTimes times, CasePayouts payouts) {
    this.cases = cases;
    this.customer = customer;
    this.staff = staff;
    this.serviceLevels = serviceLevels;
    this.times = times;
    this.payouts = payouts;
  }

  /** PD-2: reported after the 60 days; answered at once, politely, with where help is still available. */
  public void answerOutsideWindow(String reference, Instant capturedAt, Instant windowEnd) {
    cases.change(reference, CaseChange.decided(CaseStatus.REJECTED, CaseOutcome.REFUSED, "PD-2"));
    customer.send(reference, CustomerMessage.DISCREPANCY_OUTSIDE_WINDOW, Map.of("capturedAt", capturedAt,
        "windowEndedAt", windowEnd, "supportContact", times.properties().supportContact()));
  }

  /** PD-1: the investigation starts at once, and the customer learns by when they will hear from us (SL-1). */
  public void acknowledge(String reference, Money amount, Instant capturedAt) {
    Instant replyDueBy = serviceLevels.replyDueBy();
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(replyDueBy));
    customer.send(reference, CustomerMessage.DISCREPANCY_RECEIVED,
        Map.of("amount", amount, "capturedAt", capturedAt, "replyDueBy", replyDueBy));
  }

  /** SL-1: an investigator's task opened; a reply is owed by its due date. */
  public void investigationOpened(String reference, Instant replyDueBy) {
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(replyDueBy));
  }

  /** PD-3: the investigator asked the processor or the bank; the customer learns we wait for them, and until when. */
  public Instant askProcessor(String reference, String institution) {
    Instant answerDueBy = times.processorAnswerDueBy();
    cases.change(reference, CaseChange.keepStatus().replyDueBy(answerDueBy));
    customer.send(reference, CustomerMessage.DISCREPANCY_PROCESSOR_CONSULTED,
        Map.of("institution", institution, "answerDueBy", answerDueBy));
    return answerDueBy;
  }

  /** PD-3: the processor's or bank's answer is late; finance's team lead is told. */
  public void remindProcessor(String reference, String institution, String request) {
    String whom = "BANK".equals(institution) ? "the bank" : "the payment processor";
    staff.notifyTeamLead(reference, "Answer from " + whom + " late: case " + reference,
        "The investigation of case " + reference + " asked " + whom + " for their records and has no answer yet."
            + (request == null || request.isBlank() ? "" : " The request was: " + request.strip())
            + " The investigation goes on without it when the deadline passes.");
  }

  /** The investigator asks the customer for details; they have 7 days, and the investigation goes on after that. */
  public void askCustomer(String reference, String question) {
    cases.change(reference, CaseChange.to(CaseStatus.WAITING_FOR_CUSTOMER).noReplyDue());
    customer.send(reference, CustomerMessage.DISCREPANCY_DETAILS_REQUESTED,
        Map.of("agentMessage", question.strip(), "respondBy", serviceLevels.customerRespondBy()));
  }

  public void remindCustomer(String reference) {
    customer.send(reference, CustomerMessage.DISCREPANCY_DETAILS_REMINDER,
        Map.of("respondBy", serviceLevels.customerRespondByAfterReminder()));
  }

  /** The details came, or the wait is over: the investigation goes on. */
  public void resumeInvestigation(String reference) {
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW));
  }

  /** Money moves: the case is in payment until the resolution is sent. */
  public void rectifying(String reference) {
    cases.change(reference, CaseChange.to(CaseStatus.IN_PAYMENT));
  }

  /** PD-4: the refund, once per case and round, whatever retries and nodes do. */
  /**
   * Refunds {@code amount} of {@code paymentId}: the reported payment or the duplicate the checks
   * found. {@link CasePayouts} refuses a payment that is not the case's customer's and any amount
   * beyond what is left of the reported payment.
   */
  public PayoutReceipt refund(String reference, int round) {
    PayoutDecision decided = rectificationOf(reference, round);
    return payouts.refund(reference, "refund-" + round, decided.paymentId(), decided.amount());
  }

  /** PD-4: the balance adjustment, a wallet credit, once per case and round. */
  public PayoutReceipt adjustBalance(String reference, int round) {
    // the wallet is the case's customer's, from the case record; the amount the round's decision
    return payouts.credit(reference, "adjust-" + round, rectificationOf(reference, round).amount());
  }

  /**
   * Records what a round's finding moves (issue #20 point 2): the investigator's, checked by the
   * form rules, or the automatic checks' for a proven duplicate; none withdraws an earlier one. The
   * payout steps pay this, read from the database, whatever the process variables say since.
   */
  public void decideRectification(String reference, int round, Optional<Rectification.Amount> amount) {
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
  public void recordResolution(String reference, Remedy remedy, Money moved, Money paid, String ruleId) {
    CaseOutcome outcome = switch (remedy) {
      case REFUND -> moved.equals(paid) ? CaseOutcome.REFUNDED : CaseOutcome.PARTIALLY_REFUNDED;
      case BALANCE_ADJUSTMENT -> CaseOutcome.CREDITED;
      case ASSISTANCE, NONE -> CaseOutcome.NO_FAULT_FOUND;
    };
    cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, outcome, ruleId));
  }

  /** PD-6: the resolution, with its document attached. */
  public void sendResolution(String reference, Cause cause, Remedy remedy, Money moved, String ruleId,
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
  public void askSatisfaction(String reference) {
    customer.send(reference, CustomerMessage.DISCREPANCY_FOLLOW_UP,
        Map.of("respondBy", serviceLevels.feedbackRespondBy()));
  }

  /** PD-6: the customer is not satisfied; the investigation reopens with a managers' review. */
  public Instant reopen(String reference) {
    Instant replyDueBy = serviceLevels.replyDueBy();
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(replyDueBy));
    customer.send(reference, CustomerMessage.DISCREPANCY_REOPENED, Map.of("replyDueBy", replyDueBy));
    return replyDueBy;
  }

  /** A manager confirms the resolution after the customer's dissatisfaction: the case closes as it was resolved. */
  public void uphold(String reference, String managerNote) {
    CaseRecord record = cases.get(reference);
    cases.change(reference, CaseChange.decided(CaseStatus.CLOSED, record.outcome(), record.ruleId()));
    customer.send(reference, CustomerMessage.DISCREPANCY_RESOLUTION_UPHELD, Map.of("agentMessage",
        managerNote.strip()));
  }
}
