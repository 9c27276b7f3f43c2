package org.claimdesk.refund;

import org.claimdesk.commerce.ShopId;
import org.claimdesk.web.FreeText;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/refund-requests}. {@code reason} and {@code language} are text checked by
 * pattern, not Java enums, so that one answer names every bad field (a JSON enum stops the
 * reader at the first bad value).
 */
record RefundRequest(
    @NotNull @ShopId String orderId,
    @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
    @NotNull @Pattern(regexp = REASONS, message = "must be one of " + REASONS_TEXT) String reason,
    @NotBlank @Size(max = MAX_DESCRIPTION)
    @Pattern(regexp = FreeText.MULTI_LINE, message = FreeText.REFUSED)
    String description,
    @NotNull @Pattern(regexp = "en|fr", message = "must be one of en, fr") String language) {

  static final String REASONS = "NOT_DELIVERED|NOT_AS_DESCRIBED|SERVICE_ISSUE|BILLING_ERROR|CHANGED_MIND|OTHER";
  static final String REASONS_TEXT =
      "NOT_DELIVERED, NOT_AS_DESCRIBED, SERVICE_ISSUE, BILLING_ERROR, CHANGED_MIND, OTHER";
  static final int MAX_DESCRIPTION = 4000;

  /** The request with the email trimmed, as it is checked and compared. */
  RefundRequest normalized() {
    return new RefundRequest(orderId, email == null ? null : email.strip(), reason,
        description == null ? null : description.strip(), language);
  }
}
