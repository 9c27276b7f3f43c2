package org.claimdesk.wallet;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.claimdesk.commerce.Money;
import org.claimdesk.engine.ProcessVariables;

/**
 * Every variable of {@code wallet-recharge-issue}, named once. The SL-1 investigation reuses the
 * refund process's generic steps, so the names they read are the same ({@code caseReference},
 * {@code replyDueText}, {@code orderSummary}).
 */
public final class WalletVariables extends ProcessVariables {

  public static final String CASE_REFERENCE = WalletProcess.CASE_REFERENCE;
  public static final String ORDER_ID = WalletProcess.ORDER_ID;
  public static final String PAYER_NAME = WalletProcess.PAYER_NAME;

  // Facts of the recharge (Task_LoadRecharge).
  public static final String CUSTOMER_ID = "customerId";
  public static final String CUSTOMER_NAME = "customerName";
  /** The recharge's amount in minor units of {@link #CURRENCY}. */
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  /** The processor's reference of the recharge's payment; absent when the shop recorded none. */
  public static final String PROCESSOR_REFERENCE = "processorReference";
  /** WR-2: 72 hours after the payment (a {@code java.util.Date}, the timer's due date). */
  public static final String CHECK_AT = "checkAt";
  /** Boolean: the recharge is in the wallet already. */
  public static final String ALREADY_CREDITED = "alreadyCredited";
  /** Boolean: the report came before the 72 hours were over. */
  public static final String BEFORE_CHECK = "beforeCheck";
  /** Boolean: the reported payer name is the customer's. */
  public static final String PAYER_NAME_MATCHES = "payerNameMatches";
  /** Shown on the forms. */
  public static final String ORDER_SUMMARY = "orderSummary";

  // The automatic check (Task_CheckCharge).
  /** CREDIT, NOT_PAID or UNCLEAR. */
  public static final String CHARGE_OUTCOME = "chargeOutcome";
  /** Why the check could not decide, for the investigator. */
  public static final String UNCLEAR_REASON = "unclearReason";

  // The investigation (form investigate-recharge).
  /** CREDIT, NOT_PAID or ALREADY_CREDITED. */
  public static final String FINDING = "finding";
  public static final String REPLY_MESSAGE = "replyMessage";
  public static final String REPLY_DUE_TEXT = "replyDueText";

  /** Boolean: the shop's credit was there when we came to credit. */
  public static final String CREDITED_BY_SHOP = "creditedByShop";

  private WalletVariables(VariableScope scope) {
    super(scope);
  }

  public static WalletVariables of(VariableScope scope) {
    return new WalletVariables(scope);
  }

  public String caseReference() {
    return string(CASE_REFERENCE);
  }

  public Money amount() {
    return new Money(longValue(AMOUNT), Money.currency(string(CURRENCY)));
  }
}
