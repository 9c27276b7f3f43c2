package org.claimdesk.wallet;

import org.claimdesk.cases.ClaimIntake;

/**
 * The {@code wallet-recharge-issue} process's contract with the rest of the application: its
 * key, the variables it is started with, and the message it waits for.
 */
public final class WalletProcess {

  public static final String KEY = "wallet-recharge-issue";

  // Variables the process is started with.
  public static final String CASE_REFERENCE = ClaimIntake.CASE_REFERENCE;
  /** The WALLET_RECHARGE order (WR-2: the order ID). */
  public static final String ORDER_ID = "orderId";
  /** WR-2: the name of the person who made the payment, as reported. */
  public static final String PAYER_NAME = "payerName";
  /** {@code standard} or {@code strict}, as recorded on the case. */
  public static final String POLICY_PROFILE = ClaimIntake.POLICY_PROFILE;

  /**
   * The recharge reached the wallet (the shop's credit, or ours) while the case waits: correlated
   * with the process variable {@link #ORDER_ID}, not the business key, because the ledger knows the order.
   */
  public static final String MESSAGE_RECHARGE_CREDITED = "RechargeCredited";

  private WalletProcess() {
  }
}
