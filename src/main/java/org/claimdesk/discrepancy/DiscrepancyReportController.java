package org.claimdesk.discrepancy;

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
 * {@code POST /api/discrepancy-reports}: a customer reports a payment that is wrong or that they
 * do not recognise (PD-1). 201 with a new case and its access token, or 200 with the discrepancy
 * case already running on the payment (without a token).
 */
@RestController
@RequestMapping(path = "/api/discrepancy-reports", produces = MediaType.APPLICATION_JSON_VALUE)
class DiscrepancyReportController implements ClaimFormFiler {

  private final DiscrepancyIntake intake;

  DiscrepancyReportController(DiscrepancyIntake intake) {
    this.intake = intake;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ClaimAnswer> file(@RequestBody DiscrepancyReportRequest request,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
    return ClaimIntake.answer(intake.file(request, idempotencyKey));
  }

  @Override
  public String form() {
    return "discrepancy";
  }

  /** The start page's form sent without script ({@code POST /claims/discrepancy}): the same intake as the JSON above. */
  @Override
  public FiledClaim fileForm(Map<String, String> fields, String idempotencyKey) {
    String kind = value(fields, "kind");
    // As the page's script sends it: the expected amount only for an amount mismatch, in minor units.
    Long expected = "AMOUNT_MISMATCH".equals(kind) && !value(fields, "expectedAmount").isEmpty()
        ? ClaimForms.minorUnits(value(fields, "expectedAmount")) : null;
    return intake.file(new DiscrepancyReportRequest(value(fields, "paymentId"), value(fields, "email"), kind,
        expected, value(fields, "description"), reportChannel(fields), value(fields, "language")), idempotencyKey);
  }

  /** The start page's form is the web; a claim filed by another channel names its own (a mail, a chat). */
  private static String reportChannel(Map<String, String> fields) {
    String channel = value(fields, "channel");
    return channel.isEmpty() ? "WEB" : channel;
  }

  private static String value(Map<String, String> fields, String name) {
    return ClaimForms.value(fields, name);
  }
}
