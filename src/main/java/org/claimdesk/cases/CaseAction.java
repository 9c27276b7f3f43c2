package org.claimdesk.cases;

/**
 * What the customer can do on their case right now, listed in the case view's {@code actions} so
 * that the web page offers only what will be accepted. Sending evidence is open while the case is
 * not final and holds fewer files than allowed (RF-1); the others are open while the case's process
 * waits for them.
 */
public enum CaseAction {
  /** {@code POST .../evidence}. */
  SEND_EVIDENCE(CustomerAction.EVIDENCE_RECEIVED),
  /** {@code POST .../offer/accept} or {@code .../offer/decline}. */
  ANSWER_OFFER(CustomerAction.OFFER_ACCEPTED),
  /** {@code POST .../withdraw}: a scheduled cancellation. */
  WITHDRAW(CustomerAction.WITHDRAWAL),
  /** {@code POST .../feedback}. */
  GIVE_FEEDBACK(CustomerAction.FEEDBACK_RECEIVED);

  private final CustomerAction message;

  CaseAction(CustomerAction message) {
    this.message = message;
  }

  /** The customer action whose process message shows the process waits for this. */
  CustomerAction message() {
    return message;
  }
}
