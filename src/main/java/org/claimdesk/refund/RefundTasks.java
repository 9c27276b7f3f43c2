package org.claimdesk.refund;

import static org.claimdesk.refund.RefundVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.cases.CaseChange;
import org.claimdesk.cases.CaseOffer;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.OfferType;
import org.claimdesk.cases.ServiceLevels;
import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.notification.CustomerNotifier;
import org.claimdesk.payment.CasePayouts;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/**
 * Every step of {@code refund-request}, in one bean the diagram calls (bean {@code refundTasks}).
 * Each runs inside the engine's transaction for that step, so the case, the timeline and the
 * process state commit together (emails leave after the commit, payouts are idempotent per case
 * and step).
 *
 * <p>Two kinds of member, each on the expression allow-list by name:
 * <ul>
 *   <li>methods a service task calls with process variables
 *       ({@code camunda:expression="${refundTasks.remind(caseReference, reminder)}"}), where a step
 *       only passes variables on;</li>
 *   <li>properties that are the step itself, a {@link JavaDelegate} or {@link TaskListener}
 *       ({@code camunda:delegateExpression="${refundTasks.presentOffer}"}), where a step needs the
 *       execution or the task: it writes variables, reads ones that may be absent, or takes the case
 *       from the business key. A model may not pass {@code execution} to a method (ExpressionPolicy),
 *       so this is how a step reaches it. The money-moving steps are only of this kind: the case is
 *       the business key, the amount and the payment come from the database, and no member a model
 *       may call takes a case reference and moves money.</li>
 * </ul>
 */
@Component
public class RefundTasks {

  /** The idempotency step names of the two payouts a refund case can make. */
  public static final String REFUND_STEP = "refund";
  public static final String CREDIT_STEP = "credit";

  private final CaseService cases;
  private final CustomerNotifier customer;
  private final CasePayouts payouts;
  private final OrderService orders;
  private final PaymentService payments;
  private final ServiceLevels serviceLevels;
  private final Clock clock;

  public RefundTasks(CaseService cases, CustomerNotifier customer, CasePayouts payouts, OrderService orders,
      PaymentService payments, ServiceLevels serviceLevels, Clock clock) {
    this.cases = cases;
    this.customer = customer;
    this.payouts = payouts;
    this.orders = orders;
    this.payments = payments;
    this.serviceLevels = serviceLevels;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ steps called with variables

  /** RF-3: ask for evidence; the customer has until the silence deadline. */
  public void requestEvidence(String reference, String agentMessage) {
    cases.change(reference, CaseChange.to(CaseStatus.WAITING_FOR_CUSTOMER).noReplyDue());
    customer.send(reference, CustomerMessage.EVIDENCE_REQUESTED,
        Map.of("agentMessage", agentMessage.strip(), "respondBy", serviceLevels.customerRespondBy()));
  }

  public void remind(String reference, CustomerMessage reminder) {
    if (reminder != CustomerMessage.EVIDENCE_REMINDER && reminder != CustomerMessage.OFFER_REMINDER) {
      throw new IllegalArgumentException("Not a reminder: " + reminder);
    }
    customer.send(reference, reminder, Map.of("respondBy", serviceLevels.customerRespondByAfterReminder()));
  }

  /** The customer did not answer in time: the case closes, and any offer lapses. */
  public void closeForSilence(String reference) {
    cases.change(reference, CaseChange.decided(CaseStatus.CLOSED, CaseOutcome.NO_RESPONSE, null).noOffer());
    customer.send(reference, CustomerMessage.CLOSED_NO_RESPONSE, Map.of());
  }

  /** The agent's reply in their own words (the case stays in review). */
  public void reply(String reference, String agentMessage) {
    cases.change(reference, CaseChange.keepStatus().noReplyDue());
    customer.send(reference, CustomerMessage.AGENT_REPLY, Map.of("agentMessage", agentMessage.strip()));
  }

  /** Task_RecordConsent: the resolution is agreed; the case is in payment when money is about to move. */
  public void recordAgreement(String reference, String resolution) {
    if (!RESOLUTION_FIXED.equals(resolution) && OfferType.valueOf(resolution).movesMoney()) {
      cases.change(reference, CaseChange.to(CaseStatus.IN_PAYMENT));
    }
  }

  /** RF-8: after the resolution, ask for feedback. */
  public void askFeedback(String reference) {
    customer.send(reference, CustomerMessage.FEEDBACK_REQUESTED, Map.of("respondBy", serviceLevels.feedbackRespondBy()));
  }

  // ------------------------------------------------------------------ steps that need the execution or the task

  /** Task_LoadClaimFacts: the order's facts for refundEligibility, and what the forms show. */
  public JavaDelegate getLoadClaimFacts() {
    return execution -> {
      RefundVariables v = RefundVariables.of(execution);
      ClaimFacts facts = claimFacts(v.orderId());
      v.set(CUSTOMER_ID, facts.customerId());
      v.set(CUSTOMER_NAME, facts.customerName());
      v.set(PAYMENT_ID, facts.paymentId());
      v.set(PRODUCT_TYPE, facts.productType());
      v.set(SERVICE_STATUS, facts.serviceStatus());
      v.set(DAYS_SINCE_ORDER, facts.daysSinceOrder());
      v.set(DAYS_SINCE_PURCHASE, facts.daysSincePurchase());
      v.set(DAYS_SINCE_SERVICE, facts.daysSinceService());
      v.set(ORDER_AMOUNT, facts.orderAmount());
      v.set(CURRENCY, facts.currency());
      v.set(ORDER_SUMMARY, facts.orderSummary());
    };
  }

  /**
   * Task_ReviewClaim, on create: the case is in review and a reply is owed by the task's due date
   * (SL-1); any earlier offer is withdrawn; the form's facts are brought up to date.
   */
  public TaskListener getReviewOpened() {
    return task -> {
      RefundVariables v = RefundVariables.of(task);
      String reference = v.caseReference();
      Instant dueBy = task.getDueDate().toInstant();
      cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(dueBy).noOffer());
      v.set(EVIDENCE_SUMMARY, evidenceSummary(reference));
      v.set(POLICY_VERDICT, policyVerdict(v.string(VERDICT), v.string(RULE_ID), v.flag(EVIDENCE_REQUIRED)));
      v.set(REPLY_DUE_TEXT, FirstReplySteps.staffTime(dueBy));
    };
  }

  /**
   * Every user task, on complete: the completion rules of the task's form ({@link RefundFormRules},
   * one declaration per form). Offers are bounded by what is left of the order in the database.
   */
  public TaskListener getFormRules() {
    return task -> {
      String reference = task.getExecution().getProcessBusinessKey();
      RefundFormRules.check(formOf(task), RefundVariables.of(task), () -> refundable(reference));
    };
  }

  /**
   * Task_PresentOffer (RF-8): puts the offer to the customer for consent; the agent's words go with
   * it unless they went out already while a manager approved.
   */
  public JavaDelegate getPresentOffer() {
    return execution -> {
      RefundVariables v = RefundVariables.of(execution);
      OfferType type = v.offerType();
      CaseOffer offer = new CaseOffer(type, v.offerAmount(), v.string(OFFER_DESCRIPTION));
      String agentMessage = v.flag(APPROVAL_REQUIRED) ? null : v.string(REPLY_MESSAGE);
      presentOffer(v.caseReference(), offer, agentMessage);
      v.set(RESOLUTION, type.name());
    };
  }

  /** Task_SendRefusal: refuses the claim citing the rule: the decision's at once, else the agent's or manager's choice. */
  public JavaDelegate getSendRefusal() {
    return execution -> {
      RefundVariables v = RefundVariables.of(execution);
      String chosen = v.string(REFUSAL_RULE_ID);
      refuse(v.caseReference(), chosen != null ? chosen : v.string(RULE_ID), v.string(REPLY_MESSAGE));
    };
  }

  /**
   * Task_RefundPayment (async, retried): refunds the agreed offer to the order's captured payment,
   * exactly once per case. The case is the process instance's business key; the amount is the offer
   * recorded on the case when it was put to the customer, the payment the order's in the merchant's
   * records: nothing here comes from a process variable ({@link CasePayouts} bounds and checks it again).
   */
  public JavaDelegate getRefundPayment() {
    return execution -> {
      String reference = execution.getProcessBusinessKey();
      CaseRecord record = caseOf(reference);
      String paymentId = claimFacts(record.subjectId()).paymentId();
      if (paymentId == null) {
        throw new IllegalStateException("Case " + reference + ": the order has no captured payment to refund");
      }
      payouts.refund(reference, REFUND_STEP, paymentId, agreedAmount(record));
    };
  }

  /** Task_CreditWallet (async, retried): credits the agreed offer to the case's customer's wallet, exactly once per case. */
  public JavaDelegate getCreditWallet() {
    return execution -> {
      String reference = execution.getProcessBusinessKey();
      payouts.credit(reference, CREDIT_STEP, agreedAmount(caseOf(reference)));
    };
  }

  /**
   * Task_ConfirmRefund, Task_ConfirmCredit, Task_ConfirmResolution: records the resolution (RF-4
   * fixed, RF-8 otherwise) and tells the customer what was done; the amount is the agreed offer on
   * the case, measured against the order's amount.
   */
  public JavaDelegate getConfirmResolution() {
    return execution -> {
      RefundVariables v = RefundVariables.of(execution);
      confirm(execution.getProcessBusinessKey(), v.resolution(), v.string(OFFER_DESCRIPTION), v.string(REPLY_MESSAGE));
    };
  }

  // ------------------------------------------------------------------ for the case page and the forms

  public String evidenceSummary(String reference) {
    return FirstReplySteps.evidenceSummary(cases.evidenceOf(reference), cases.customerEmailsOf(reference));
  }

  static String policyVerdict(String verdict, String ruleId, boolean evidenceRequired) {
    return ("REFUSE".equals(verdict) ? "Refuse" : "Review") + " under " + ruleId
        + (evidenceRequired ? ", clear evidence required" : "");
  }

  /**
   * What an offer may still give back on the case's order: the order's amount less what was
   * already paid out on it (RF-8), from the merchant records and the payouts.
   */
  Money refundable(String reference) {
    return payouts.limit(reference).remaining();
  }

  // ------------------------------------------------------------------ the steps' work

  /**
   * The order's facts for the claim windows (RF-2: order date, RF-3: purchase date, RF-4: service
   * date), from the merchant's records; the purchase is the earliest captured payment.
   */
  ClaimFacts claimFacts(String orderId) {
    Order order = orders.findOrder(orderId)
        .orElseThrow(() -> new IllegalStateException("Order " + orderId + " of a refund case does not exist"));
    Payment captured = payments.paymentsOfOrder(orderId).stream()
        .filter(payment -> payment.status() == Payment.Status.CAPTURED)
        .min(Comparator.comparing(Payment::capturedAt))
        .orElse(null);
    return ClaimFacts.of(order, captured, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  /** Refuses the claim, citing the rule, with the agent's words when there are any. */
  private void refuse(String reference, String ruleId, String agentMessage) {
    cases.change(reference, CaseChange.decided(CaseStatus.REJECTED, CaseOutcome.REFUSED, ruleId).noOffer());
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("ruleId", ruleId);
    if (agentMessage != null && !agentMessage.isBlank()) {
      parameters.put("agentMessage", agentMessage.strip());
    }
    customer.send(reference, CustomerMessage.CLAIM_REFUSED, parameters);
  }

  private void presentOffer(String reference, CaseOffer offer, String agentMessage) {
    cases.change(reference, CaseChange.to(CaseStatus.OFFER_PENDING).noReplyDue().offer(offer));
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("offerType", offer.type());
    parameters.put("respondBy", serviceLevels.customerRespondBy());
    if (offer.description() != null && !offer.description().isBlank()) {
      parameters.put("description", offer.description().strip());
    }
    if (offer.amount() != null) {
      parameters.put("amount", offer.amount());
    }
    if (agentMessage != null && !agentMessage.isBlank()) {
      parameters.put("agentMessage", agentMessage.strip());
    }
    customer.send(reference, CustomerMessage.OFFER_MADE, parameters);
  }

  /** Package-private, not private: RefundRequestIT makes it fail once after the payout, as a crash would. */
  void confirm(String reference, String resolution, String description, String agentMessage) {
    CaseRecord record = caseOf(reference);
    Money amount = record.offer() == null ? null : record.offer().amount();
    if (RESOLUTION_FIXED.equals(resolution)) {
      cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.FIXED, "RF-4"));
      customer.send(reference, CustomerMessage.FIX_CONFIRMED, Map.of("agentMessage", agentMessage.strip()));
      return;
    }
    switch (OfferType.valueOf(resolution)) {
      case FULL_REFUND, PARTIAL_REFUND -> {
        Money orderAmount = claimFacts(record.subjectId()).orderMoney();
        CaseOutcome outcome = amount.equals(orderAmount) ? CaseOutcome.REFUNDED : CaseOutcome.PARTIALLY_REFUNDED;
        cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, outcome, "RF-8"));
        customer.send(reference, CustomerMessage.REFUND_PAID, Map.of("amount", amount));
      }
      case CREDIT -> {
        cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.CREDITED, "RF-8"));
        customer.send(reference, CustomerMessage.CREDIT_ADDED, Map.of("amount", amount));
      }
      case ALTERNATIVE -> {
        cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.ALTERNATIVE, "RF-8"));
        customer.send(reference, CustomerMessage.ALTERNATIVE_AGREED,
            Map.of("description", description == null ? "" : description.strip()));
      }
    }
  }

  private CaseRecord caseOf(String reference) {
    return cases.find(reference).orElseThrow(() -> new IllegalStateException("No case " + reference));
  }

  private static Money agreedAmount(CaseRecord record) {
    CaseOffer offer = record.offer();
    if (offer == null || offer.amount() == null || !offer.type().movesMoney()) {
      throw new IllegalStateException("Case " + record.reference() + " has no agreed offer that moves money");
    }
    return offer.amount();
  }

  /** The id of the form a user task shows ({@code camunda:formRef}). */
  static String formOf(DelegateTask task) {
    return task.getBpmnModelElementInstance().getCamundaFormRef();
  }
}
