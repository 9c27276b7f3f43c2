package org.claimdesk.mailbox;

/** What became of a mail of the support mailbox ({@code inbound_mail.status}). */
public enum InboundMailStatus {
  /** Fetched and kept, not handled yet. */
  RECEIVED,
  /** It opened a case (recognised at once, or filed by an agent from its triage task). */
  OPENED_CASE,
  /** A customer's mail on their case: on its timeline, its files as evidence. */
  ADDED_TO_CASE,
  /** Waiting in a support agent's triage task. */
  TRIAGE,
  /** Not for a case: an automatic reply, a bounce, a loop, an unknown sender, too large, or dismissed. */
  IGNORED,
  /** Handling it failed {@code max-attempts} times; kept with the error, retried by an operator. */
  FAILED
}
