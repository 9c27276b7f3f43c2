package org.claimdesk.refund;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.claimdesk.cases.CaseProcessMessages;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.ClaimIntake;
import org.claimdesk.cases.CustomerAction;
import org.springframework.stereotype.Component;

/**
 * The {@code refund-request} process's contract with the rest of the application: its key, the
 * variables it is started with, and the messages it waits for (correlated by business key, which
 * is the case reference), one per customer action; and the evidence list its open review shows,
 * refreshed when the customer adds files.
 */
@Component
public class RefundProcess implements CaseProcessMessages {

  public static final String KEY = "refund-request";

  // Variables the process is started with.
  public static final String CASE_REFERENCE = ClaimIntake.CASE_REFERENCE;
  public static final String ORDER_ID = "orderId";
  /** NOT_DELIVERED, NOT_AS_DESCRIBED, SERVICE_ISSUE, BILLING_ERROR, CHANGED_MIND or OTHER. */
  public static final String REASON = "reason";
  /** The customer's own words. */
  public static final String CLAIM_DESCRIPTION = "claimDescription";
  /** {@code standard} or {@code strict}, as recorded on the case. */
  public static final String POLICY_PROFILE = ClaimIntake.POLICY_PROFILE;

  // Messages the process waits for. A correlation that finds no waiting process means the case
  // is not waiting for that: the customer API answers 409.
  public static final String MESSAGE_EVIDENCE_RECEIVED = "EvidenceReceived";
  public static final String MESSAGE_OFFER_ACCEPTED = "OfferAccepted";
  public static final String MESSAGE_OFFER_DECLINED = "OfferDeclined";
  public static final String MESSAGE_FEEDBACK_RECEIVED = "FeedbackReceived";

  private final RuntimeService runtime;
  private final RefundTasks tasks;

  RefundProcess(RuntimeService runtime, RefundTasks tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @Override
  public CaseType caseType() {
    return CaseType.REFUND_REQUEST;
  }

  @Override
  public String messageName(CustomerAction action) {
    return switch (action) {
      case EVIDENCE_RECEIVED -> MESSAGE_EVIDENCE_RECEIVED;
      case OFFER_ACCEPTED -> MESSAGE_OFFER_ACCEPTED;
      case OFFER_DECLINED -> MESSAGE_OFFER_DECLINED;
      case FEEDBACK_RECEIVED -> MESSAGE_FEEDBACK_RECEIVED;
      case WITHDRAWAL -> null;
    };
  }

  @Override
  public void evidenceStored(String reference) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(reference).singleResult();
    if (instance != null) {
      runtime.setVariable(instance.getId(), RefundVariables.EVIDENCE_SUMMARY, tasks.evidenceSummary(reference));
    }
  }
}
