package org.claimdesk.cases;

/** The four kinds of case; each is one BPMN process. */
public enum CaseType {
  REFUND_REQUEST("refund-request"),
  SUBSCRIPTION_CANCELLATION("subscription-cancellation"),
  PAYMENT_DISCREPANCY("payment-discrepancy"),
  WALLET_RECHARGE_ISSUE("wallet-recharge-issue");

  private final String processKey;

  CaseType(String processKey) {
    this.processKey = processKey;
  }

  /** The key of the BPMN process that runs this kind of case. */
  public String processKey() {
    return processKey;
  }
}
