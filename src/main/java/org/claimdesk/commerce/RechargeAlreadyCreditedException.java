package org.claimdesk.commerce;

import org.claimdesk.web.FieldProblem;

/**
 * 409: the recharge order has already been credited to the wallet, by another entry. A
 * recharge order is credited once, whoever posts the credit; {@link #existingEntry()} is that
 * credit.
 */
public class RechargeAlreadyCreditedException extends RecordConflictException {

  private final transient WalletEntry existingEntry;

  public RechargeAlreadyCreditedException(WalletEntry existingEntry) {
    super("Recharge order '" + existingEntry.orderId() + "' has already been credited to the"
        + " wallet by entry '" + existingEntry.id() + "'; a recharge order is credited once.",
        new FieldProblem("orderId", "this recharge order has already been credited by entry '"
            + existingEntry.id() + "'"));
    this.existingEntry = existingEntry;
  }

  public WalletEntry existingEntry() {
    return existingEntry;
  }
}
