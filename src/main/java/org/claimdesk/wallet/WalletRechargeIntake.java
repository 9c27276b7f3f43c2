package org.claimdesk.wallet;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.variable.Variables;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.ClaimIntake;
import org.claimdesk.cases.FiledClaim;
import org.claimdesk.cases.IdempotentRequests;
import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.UnprocessableRecordException;
import org.claimdesk.web.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a missing wallet recharge report: checks it, finds the WALLET_RECHARGE order of that
 * email, and either answers with the wallet case open on that order or opens a case and starts
 * {@code wallet-recharge-issue} ({@link ClaimIntake}), in one transaction.
 *
 * <p>The payer's name is passed to the process as reported: a name that differs from the
 * customer's is not refused here (WR-2: the process shows the mismatch to finance).
 */
@Service
class WalletRechargeIntake {

  static final String IDEMPOTENCY_SCOPE = "wallet-recharge-issues";

  private final ClaimIntake intake;
  private final OrderService orders;

  WalletRechargeIntake(ClaimIntake intake, OrderService orders) {
    this.intake = intake;
    this.orders = orders;
  }

  /**
   * @param idempotencyKey the {@code Idempotency-Key} header, or null
   * @throws InvalidRecordException 400, bad fields or a malformed key
   * @throws org.claimdesk.cases.IdempotencyKeyConflictException 409, the key came with another request
   * @throws UnprocessableRecordException 422, no WALLET_RECHARGE order with that id for that email
   */
  @Transactional
  public FiledClaim file(WalletRechargeRequest request, String idempotencyKey) {
    WalletRechargeRequest claim = intake.checked(request == null ? null : request.normalized(), idempotencyKey);
    String requestHash = IdempotentRequests.requestHash(request.orderId(), request.payerName(), request.email(),
        request.language());
    ClaimIntake.Subject order = subjectOf(claim);
    return intake.file(new ClaimIntake.Claim(CaseType.WALLET_RECHARGE_ISSUE, IDEMPOTENCY_SCOPE, requestHash,
        Locale.forLanguageTag(claim.language()), claim.describe(), order, false,
        Variables.createVariables()
            .putValueTyped(WalletProcess.ORDER_ID, Variables.stringValue(order.id()))
            .putValueTyped(WalletProcess.PAYER_NAME, Variables.stringValue(claim.payerName()))),
        idempotencyKey);
  }

  /**
   * The order, if it is a WALLET_RECHARGE order placed by the customer with that email (trimmed,
   * case-insensitive); otherwise one 422 for an unknown order, another kind of order and a wrong
   * email alike, so none is revealed.
   */
  private ClaimIntake.Subject subjectOf(WalletRechargeRequest claim) {
    String email = claim.email().toLowerCase(Locale.ROOT);
    Optional<Order> order = orders.findOrder(claim.orderId())
        .filter(o -> o.productType() == Order.ProductType.WALLET_RECHARGE)
        .filter(o -> o.customer().email().strip().toLowerCase(Locale.ROOT).equals(email));
    if (order.isEmpty()) {
      String text = "no wallet recharge with this order id was paid with this email address";
      throw new UnprocessableRecordException(List.of(
          new FieldProblem("orderId", text), new FieldProblem("email", text)));
    }
    return new ClaimIntake.Subject(ClaimIntake.SubjectTable.ORDER, order.get().id(), order.get().customer().id());
  }
}
