package org.claimdesk.cases;

/**
 * How a claim reached Claimdesk, kept on its case ({@code claim_case.channel}).
 */
public enum CaseChannel {
  /** The start page or the JSON API. */
  WEB,
  /** A mail to the support mailbox ({@code org.claimdesk.mailbox}). */
  EMAIL,
  /** Taken by an agent on the phone and filed from Tasklist. */
  PHONE,
  /** Taken by an agent in a live chat and filed from Tasklist. */
  CHAT
}
