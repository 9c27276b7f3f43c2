package org.claimdesk.discrepancy;

import org.claimdesk.cases.ClaimAnswer;
import org.claimdesk.cases.ClaimIntake;
import org.claimdesk.cases.IdempotentRequests;
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
class DiscrepancyReportController {

  private final DiscrepancyIntake intake;

  DiscrepancyReportController(DiscrepancyIntake intake) {
    this.intake = intake;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ClaimAnswer> file(@RequestBody DiscrepancyReportRequest request,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
    return ClaimIntake.answer(intake.file(request, idempotencyKey));
  }
}
