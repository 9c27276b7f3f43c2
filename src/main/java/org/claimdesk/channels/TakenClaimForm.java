package org.claimdesk.channels;

import java.util.List;
import java.util.stream.Stream;

import org.claimdesk.engine.AccessSetup;

/**
 * The four claims a support agent files from Tasklist for a customer on the phone or in a chat:
 * for each, the start page's form key it is filed under ({@link org.claimdesk.cases.ChannelFiling}),
 * the process an agent starts in Tasklist ({@code processes/take-*-claim.bpmn}) and the fields its
 * start form ({@code forms/take-*-claim.form}) owns, named as the start page's form names them.
 * {@code channel} (PHONE or CHAT) is on every start form; only the discrepancy report also files it
 * as a field of the claim, as the report's own channel.
 */
public enum TakenClaimForm {

  REFUND("refund", AccessSetup.TAKE_REFUND_CLAIM,
      List.of("orderId", "email", "reason", "description", "language")),
  CANCELLATION("cancellation", AccessSetup.TAKE_CANCELLATION_CLAIM,
      List.of("subscriptionId", "email", "mode", "refundRequested", "reason", "language")),
  DISCREPANCY("discrepancy", AccessSetup.TAKE_DISCREPANCY_CLAIM,
      List.of("paymentId", "email", "kind", "expectedAmount", "description", "channel", "language")),
  WALLET("wallet", AccessSetup.TAKE_WALLET_CLAIM,
      List.of("orderId", "payerName", "email", "language"));

  /** The variable of every start form that says how the customer reached the agent. */
  public static final String CHANNEL = "channel";

  private final String claimForm;
  private final String processKey;
  private final List<String> claimFields;

  TakenClaimForm(String claimForm, String processKey, List<String> claimFields) {
    this.claimForm = claimForm;
    this.processKey = processKey;
    this.claimFields = claimFields;
  }

  /** The start page's form key the claim is filed under ({@code refund}, ...). */
  public String claimForm() {
    return claimForm;
  }

  /** The key of the process an agent starts in Tasklist; its start form has the same id. */
  public String processKey() {
    return processKey;
  }

  /** The fields of the claim, as the intake names them. */
  public List<String> claimFields() {
    return claimFields;
  }

  /** Every variable the start form owns: the claim's fields and the channel. */
  public List<String> formFields() {
    return claimFields.contains(CHANNEL) ? claimFields
        : Stream.concat(Stream.of(CHANNEL), claimFields.stream()).toList();
  }
}
