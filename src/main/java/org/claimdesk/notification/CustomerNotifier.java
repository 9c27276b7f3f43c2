package org.claimdesk.notification;

import java.util.Map;

/**
 * Writes to a case's customer: renders the message in the case's language, adds it to the case
 * timeline and sends it by email (when SMTP is configured), with the private link to the case.
 * Called inside the engine's transaction: the timeline entry commits with the process state, and
 * the email goes out only after that commit, so a rolled-back step sends nothing.
 */
public interface CustomerNotifier {

  void send(String caseReference, CustomerMessage message, Map<String, Object> parameters);
}
