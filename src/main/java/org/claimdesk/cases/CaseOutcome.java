package org.claimdesk.cases;

/** What was decided on a case; the case's rule ID names the policy rule behind it. */
public enum CaseOutcome {
  REFUNDED,
  PARTIALLY_REFUNDED,
  CREDITED,
  FIXED,
  ALTERNATIVE,
  REFUSED,
  NO_FAULT_FOUND,
  /** The customer did not answer within the wait (evidence, consent). */
  NO_RESPONSE,
  /** A subscription was cancelled with no money back (SC-3 after 7 days, SC-4). */
  CANCELLED,
  /** The customer withdrew the request. */
  WITHDRAWN
}
