package org.claimdesk.refund;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.claimdesk.cases.CaseChange;
import org.claimdesk.cases.CaseOffer;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.OfferType;
import org.claimdesk.cases.ServiceLevels;
import org.claimdesk.commerce.Money;
import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.notification.CustomerNotifier;
import org.claimdesk.payment.PayoutReceipt;
import org.claimdesk.payment.CasePayouts;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Service;

/**
 * The refund process's steps that touch the case record, the customer and the money. Each runs
 * inside the engine's transaction for that step, so the case, the timeline and the process
 * state commit together (emails leave after the commit, payouts are idempotent per case and step).
 */
@Service
public class RefundSteps {

  /** The idempotency step names of the two payouts a refund case can make. */
  public static final String REFUND_STEP = "refund";
  public static final String CREDIT_STEP = "credit";

  private final CaseService cases;
  private final CustomerNotifier customer;
  private final CasePayouts payouts;
  private final ClaimFactsLoader claimFacts;
  private final ServiceLevels serviceLevels;

  public RefundSteps(CaseService cases, CustomerNotifier customer, CasePayouts payouts, ClaimFactsLoader claimFacts,
      ServiceLevels serviceLevels) {
    this.cases = cases;
    this.customer = customer;
    this.payouts = payouts;
    this.claimFacts = claimFacts;
    this.serviceLevels = serviceLevels;
  }

  /** A review task opened: the case is in review again, a reply is owed by the task's due date. */
  public void reviewOpened(String reference, Instant replyDueBy) {
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(replyDueBy).noOffer());
  }

  public String evidenceSummary(String reference) {
    return FirstReplySteps.evidenceSummary(cases.evidenceOf(reference));
  }

  public static String policyVerdict(String verdict, String ruleId, boolean evidenceRequired) {
    return ("REFUSE".equals(verdict) ? "Refuse" : "Review") + " under " + ruleId
        + (evidenceRequired ? ", clear evidence required" : "");
  }

  /** Refuses the claim, citing the rule, with the agent's words when there are any. */
  public void refuse(String reference, String ruleId, String agentMessage) {
    cases.change(reference, CaseChange.decided(CaseStatus.REJECTED, CaseOutcome.REFUSED, ruleId).noOffer());
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("ruleId", ruleId);
    if (agentMessage != null && !agentMessage.isBlank()) {
      parameters.put("agentMessage", agentMessage.strip());
    }
    customer.send(reference, CustomerMessage.CLAIM_REFUSED, parameters);
  }

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

  /** RF-8: puts the offer to the customer for consent. */
  public void presentOffer(String reference, CaseOffer offer, String agentMessage) {
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

  /** The resolution is agreed; money is about to move for a refund or a credit. */
  public void recordAgreement(String reference, String resolution) {
    if (!RefundVariables.RESOLUTION_FIXED.equals(resolution) && OfferType.valueOf(resolution).movesMoney()) {
      cases.change(reference, CaseChange.to(CaseStatus.IN_PAYMENT));
    }
  }

  /**
   * Refunds the agreed offer to the order's captured payment. The amount is the offer recorded on
   * the case when it was put to the customer, the payment the order's in the merchant's records:
   * nothing here comes from a process variable ({@link CasePayouts} bounds and checks it again).
   */
  public PayoutReceipt refundPayment(String reference) {
    CaseRecord record = caseOf(reference);
    String paymentId = claimFacts.load(record.subjectId()).paymentId();
    if (paymentId == null) {
      throw new IllegalStateException("Case " + reference + ": the order has no captured payment to refund");
    }
    return payouts.refund(reference, REFUND_STEP, paymentId, agreedAmount(record));
  }

  /** Credits the agreed offer to the wallet of the case's customer. */
  public PayoutReceipt creditWallet(String reference) {
    return payouts.credit(reference, CREDIT_STEP, agreedAmount(caseOf(reference)));
  }

  /**
   * What an offer may still give back on the case's order: the order's amount less what was
   * already paid out on it (RF-8), from the merchant records and the payouts.
   */
  public Money refundable(String reference) {
    return payouts.limit(reference).remaining();
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

  /**
   * Records the resolution (RF-4 fixed, RF-8 otherwise) and tells the customer what was done; the
   * amount is the agreed offer on the case, measured against the order's amount.
   */
  public void confirm(String reference, String resolution, String description, String agentMessage) {
    CaseRecord record = caseOf(reference);
    Money amount = record.offer() == null ? null : record.offer().amount();
    if (RefundVariables.RESOLUTION_FIXED.equals(resolution)) {
      cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.FIXED, "RF-4"));
      customer.send(reference, CustomerMessage.FIX_CONFIRMED, Map.of("agentMessage", agentMessage.strip()));
      return;
    }
    switch (OfferType.valueOf(resolution)) {
      case FULL_REFUND, PARTIAL_REFUND -> {
        Money orderAmount = claimFacts.load(record.subjectId()).orderMoney();
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

  /** RF-8: after the resolution, ask for feedback. */
  public void askFeedback(String reference) {
    customer.send(reference, CustomerMessage.FEEDBACK_REQUESTED, Map.of("respondBy", serviceLevels.feedbackRespondBy()));
  }
}
