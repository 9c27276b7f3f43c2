package org.claimdesk.cancellation;

import org.claimdesk.commerce.ShopId;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/cancellation-requests}. {@code mode}, {@code reason} and {@code language} are
 * text checked by pattern, not Java enums, so that one answer names every bad field.
 */
record CancellationRequest(
    @NotNull @ShopId String subscriptionId,
    @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
    @NotNull @Pattern(regexp = MODES, message = "must be one of END_OF_CYCLE, IMMEDIATE") String mode,
    @NotNull(message = "must be true or false") Boolean refundRequested,
    @NotNull @Pattern(regexp = REASONS, message = "must be one of " + REASONS_TEXT) String reason,
    @NotNull @Pattern(regexp = "en|fr", message = "must be one of en, fr") String language) {

  static final String MODES = "END_OF_CYCLE|IMMEDIATE";
  static final String REASONS = "BILLING_ERROR|SERVICE_ISSUE|NO_LONGER_NEEDED|OTHER";
  static final String REASONS_TEXT = "BILLING_ERROR, SERVICE_ISSUE, NO_LONGER_NEEDED, OTHER";

  /** The request with the email trimmed, as it is checked and compared. */
  CancellationRequest normalized() {
    return new CancellationRequest(subscriptionId, email == null ? null : email.strip(), mode, refundRequested,
        reason, language);
  }

  /** The {@code CLAIM_FILED} timeline entry: what the customer asked for, in their language. */
  String describe() {
    boolean french = "fr".equals(language);
    boolean immediate = "IMMEDIATE".equals(mode);
    String when = french
        ? (immediate ? "Résiliation demandée, effet immédiat" : "Résiliation demandée à la fin de la période payée")
        : (immediate ? "Cancellation requested, effective immediately" : "Cancellation requested at the end of the paid cycle");
    String refund = french
        ? (refundRequested ? "remboursement du dernier paiement demandé" : "sans demande de remboursement")
        : (refundRequested ? "refund of the last payment requested" : "no refund requested");
    String why = switch (reason) {
      case "BILLING_ERROR" -> french ? "erreur de facturation" : "billing error";
      case "SERVICE_ISSUE" -> french ? "problème de service" : "service issue";
      case "NO_LONGER_NEEDED" -> french ? "plus besoin" : "no longer needed";
      default -> french ? "autre" : "other";
    };
    return french
        ? when + " ; " + refund + ". Motif : " + why + "."
        : when + "; " + refund + ". Reason: " + why + ".";
  }
}
