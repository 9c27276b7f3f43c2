package org.claimdesk.discrepancy;

/** How the report reached us (PD-1: email, live chat, or the web form; or a phone call an agent took). */
public enum ReportChannel {
  WEB,
  EMAIL,
  CHAT,
  PHONE
}
