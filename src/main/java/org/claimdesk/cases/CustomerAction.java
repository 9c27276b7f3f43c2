package org.claimdesk.cases;

/**
 * What a customer does on their case through the customer API; each name is also the kind of the
 * timeline entry that records it. The process of the case's type names the message each one is
 * correlated as ({@link CaseProcessMessages}).
 */
public enum CustomerAction {
  EVIDENCE_RECEIVED,
  OFFER_ACCEPTED,
  OFFER_DECLINED,
  FEEDBACK_RECEIVED,
  /** The customer withdraws a request that is still running (a scheduled cancellation, SC-2). */
  WITHDRAWAL
}
