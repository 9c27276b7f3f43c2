package org.claimdesk.refund;

import java.util.Map;

import org.claimdesk.cases.ClaimAnswer;
import org.claimdesk.cases.ClaimFormFiler;
import org.claimdesk.cases.ClaimIntake;
import org.claimdesk.cases.FiledClaim;
import org.claimdesk.cases.IdempotentRequests;
import org.claimdesk.web.ClaimForms;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/refund-requests}: a customer asks for a refund. 201 with a new case and its
 * access token, or 200 with the refund case already open on that order (without a token).
 */
@RestController
@RequestMapping(path = "/api/refund-requests", produces = MediaType.APPLICATION_JSON_VALUE)
class RefundRequestController implements ClaimFormFiler {

  private final RefundIntake intake;

  RefundRequestController(RefundIntake intake) {
    this.intake = intake;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ClaimAnswer> file(@RequestBody RefundRequest request,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
    return ClaimIntake.answer(intake.file(request, idempotencyKey));
  }

  @Override
  public String form() {
    return "refund";
  }

  /** The start page's form sent without script ({@code POST /claims/refund}): the same intake as the JSON above. */
  @Override
  public FiledClaim fileForm(Map<String, String> fields, String idempotencyKey) {
    return intake.file(new RefundRequest(value(fields, "orderId"), value(fields, "email"), value(fields, "reason"),
        value(fields, "description"), value(fields, "language")), idempotencyKey);
  }

  private static String value(Map<String, String> fields, String name) {
    return ClaimForms.value(fields, name);
  }
}
