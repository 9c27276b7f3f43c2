package org.claimdesk.cases;

/** The customer's private link to their case page (reference + access token), for messages. */
public interface CaseLinks {

  String privateLink(String reference);
}
