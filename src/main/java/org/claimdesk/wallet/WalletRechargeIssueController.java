package org.claimdesk.wallet;

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
 * {@code POST /api/wallet-recharge-issues}: a customer reports a wallet recharge they paid for but
 * do not see. 201 with a new case and its access token, or 200 with the wallet case already open
 * on the order (without a token).
 */
@RestController
@RequestMapping(path = "/api/wallet-recharge-issues", produces = MediaType.APPLICATION_JSON_VALUE)
class WalletRechargeIssueController implements ClaimFormFiler {

  private final WalletRechargeIntake intake;

  WalletRechargeIssueController(WalletRechargeIntake intake) {
    this.intake = intake;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ClaimAnswer> file(@RequestBody WalletRechargeRequest request,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
    return ClaimIntake.answer(intake.file(request, idempotencyKey));
  }

  @Override
  public String form() {
    return "wallet";
  }

  /** The start page's form sent without script ({@code POST /claims/wallet}): the same intake as the JSON above. */
  @Override
  public FiledClaim fileForm(Map<String, String> fields, String idempotencyKey) {
    return intake.file(new WalletRechargeRequest(value(fields, "orderId"), value(fields, "payerName"),
        value(fields, "email"), value(fields, "language")), idempotencyKey);
  }

  private static String value(Map<String, String> fields, String name) {
    return ClaimForms.value(fields, name);
  }
}
