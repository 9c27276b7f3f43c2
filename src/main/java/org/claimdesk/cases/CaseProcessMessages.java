package org.claimdesk.cases;

/**
 * The messages a kind of case's process waits for, one per {@link CustomerAction}. Each process
 * package provides one as a bean (the refund package for {@code REFUND_REQUEST}); a case whose
 * type has none is not waiting for anything.
 */
public interface CaseProcessMessages {

  CaseType caseType();

  /**
   * The BPMN message name the action is correlated as, by business key = case reference; null when
   * the process never waits for that action (the customer API then answers 409).
   */
  String messageName(CustomerAction action);

  /**
   * Called in the upload's transaction once the customer's files are stored, or once their email
   * is on the case, whether or not the process waits for evidence, so it can bring what its open
   * tasks show up to date.
   */
  default void evidenceStored(String reference) {
  }
}
