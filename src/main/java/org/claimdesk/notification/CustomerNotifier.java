package org.claimdesk.notification;

import java.util.Map;

/**
 * Writes to a case's customer: renders the message in the case's language, adds it to the case
 * timeline and sends it by email (when SMTP is configured), with the private link to the case.
 * Called inside the engine's transaction: the timeline entry commits with the process state, and
 * the email goes out only after that commit, so a rolled-back step sends nothing.
 *
 * <p>One abstract method, so a test double is a lambda or implements one method: the message
 * without an attachment is the same call with none.
 */
public interface CustomerNotifier {

  /** Writes the message without an attachment. */
  default void send(String caseReference, CustomerMessage message, Map<String, Object> parameters) {
    send(caseReference, message, parameters, null);
  }

  /**
   * Writes the message; the email carries the case document {@code attachmentDocumentId} (see
   * {@code org.claimdesk.cases.CaseDocuments}) as an attachment, or none when it is null.
   *
   * @throws IllegalArgumentException when the parameters do not fit the message, or the
   *     attachment is not a document of this case; nothing is written then
   */
  void send(String caseReference, CustomerMessage message, Map<String, Object> parameters,
      String attachmentDocumentId);
}
