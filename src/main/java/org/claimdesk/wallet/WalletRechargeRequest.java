package org.claimdesk.wallet;

import org.claimdesk.commerce.ShopId;
import org.claimdesk.web.FreeText;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/wallet-recharge-issues}: a wallet recharge the customer paid for but does not
 * see (WR-2: the order ID, the payer's name, the email used). {@code language} is text checked by
 * pattern, not a Java enum, so that one answer names every bad field.
 */
record WalletRechargeRequest(
    @NotNull @ShopId String orderId,
    @NotBlank @Size(max = MAX_PAYER_NAME)
    @Pattern(regexp = FreeText.ONE_LINE, message = FreeText.REFUSED)
    String payerName,
    @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
    @NotNull @Pattern(regexp = "en|fr", message = "must be one of en, fr") String language) {

  /** As long as a customer's name may be. */
  static final int MAX_PAYER_NAME = 200;

  /** The request with the payer's name and the email trimmed, as they are checked, compared and stored. */
  WalletRechargeRequest normalized() {
    return new WalletRechargeRequest(orderId, payerName == null ? null : payerName.strip(),
        email == null ? null : email.strip(), language);
  }

  /** The {@code CLAIM_FILED} timeline entry: what the customer reported, in their language. */
  String describe() {
    return "fr".equals(language)
        ? "Recharge du portefeuille non reçue signalée pour la commande " + orderId + ", payée par "
            + payerName + "."
        : "Missing wallet recharge reported for order " + orderId + ", paid by " + payerName + ".";
  }
}
