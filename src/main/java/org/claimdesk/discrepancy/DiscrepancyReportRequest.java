package org.claimdesk.discrepancy;

import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.ShopId;
import org.claimdesk.web.FreeText;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/discrepancy-reports} (PD-1: with as many details as possible). {@code kind},
 * {@code channel} and {@code language} are text checked by pattern, not Java enums, so that one
 * answer names every bad field. {@code expectedAmount} is in minor units of the payment's
 * currency, and required for an AMOUNT_MISMATCH.
 */
record DiscrepancyReportRequest(
    @NotNull @ShopId String paymentId,
    @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
    @NotNull @Pattern(regexp = KINDS, message = "must be one of " + KINDS_TEXT) String kind,
    @Positive @Max(MAX_AMOUNT) Long expectedAmount,
    @NotBlank @Size(max = MAX_DESCRIPTION)
    @Pattern(regexp = FreeText.MULTI_LINE, message = FreeText.REFUSED)
    String description,
    @NotNull @Pattern(regexp = CHANNELS, message = "must be one of WEB, EMAIL, CHAT, PHONE") String channel,
    @NotNull @Pattern(regexp = "en|fr", message = "must be one of en, fr") String language) {

  static final String KINDS = "DUPLICATE_CHARGE|AMOUNT_MISMATCH|UNAUTHORIZED|NOT_RECOGNIZED|OTHER";
  static final String KINDS_TEXT = "DUPLICATE_CHARGE, AMOUNT_MISMATCH, UNAUTHORIZED, NOT_RECOGNIZED, OTHER";
  static final String CHANNELS = "WEB|EMAIL|CHAT|PHONE";
  static final int MAX_DESCRIPTION = 4000;
  /** A bound far above any payment, so that a typo does not pass as an amount. */
  static final long MAX_AMOUNT = 100_000_000_000L;

  /** The request with the email and the description trimmed, as they are checked, compared and stored. */
  DiscrepancyReportRequest normalized() {
    return new DiscrepancyReportRequest(paymentId, email == null ? null : email.strip(), kind, expectedAmount,
        description == null ? null : description.strip(), channel, language);
  }

  /** An AMOUNT_MISMATCH says what was expected. */
  boolean lacksExpectedAmount() {
    return "AMOUNT_MISMATCH".equals(kind) && expectedAmount == null;
  }

  /** The {@code CLAIM_FILED} timeline entry: what the customer reported, in their language. */
  String describe(Money expected) {
    boolean fr = "fr".equals(language);
    String what = switch (DiscrepancyKind.valueOf(kind)) {
      case DUPLICATE_CHARGE -> fr ? "Paiement débité deux fois" : "Duplicate charge";
      case AMOUNT_MISMATCH -> fr ? "Montant débité différent de celui attendu" : "Amount different from expected";
      case UNAUTHORIZED -> fr ? "Transaction non autorisée" : "Unauthorized transaction";
      case NOT_RECOGNIZED -> fr ? "Paiement non reconnu" : "Payment not recognised";
      case OTHER -> fr ? "Écart de paiement" : "Payment discrepancy";
    };
    String text = what + (fr ? " signalé pour le paiement " : " reported for payment ") + paymentId;
    if (expected != null) {
      text += fr ? " (montant attendu : " + expected + ")" : " (expected amount: " + expected + ")";
    }
    return text + ": " + description;
  }
}
