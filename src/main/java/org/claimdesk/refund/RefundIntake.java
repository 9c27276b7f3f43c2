package org.claimdesk.refund;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

import org.camunda.bpm.engine.variable.Variables;
import org.claimdesk.cases.ClaimIntake;
import org.claimdesk.cases.CaseType;
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
 * Files a refund request: checks the request, finds the order of that email, and either answers
 * with the open refund case of that order or opens a case and starts {@code refund-request} for
 * it ({@link ClaimIntake}), all in one transaction, so a refused request (400, 409, 422) writes
 * nothing and a started process always has its case.
 */
@Service
class RefundIntake {

  static final String IDEMPOTENCY_SCOPE = "refund-requests";

  private final ClaimIntake intake;
  private final OrderService orders;

  RefundIntake(ClaimIntake intake, OrderService orders) {
    this.intake = intake;
    this.orders = orders;
  }

  /**
   * @param idempotencyKey the {@code Idempotency-Key} header, or null
   * @throws InvalidRecordException 400, bad fields or a malformed key
   * @throws org.claimdesk.cases.IdempotencyKeyConflictException 409, the key came with another request
   * @throws UnprocessableRecordException 422, no such order for that email
   */
  @Transactional
  public FiledClaim file(RefundRequest request, String idempotencyKey) {
    RefundRequest claim = intake.checked(request == null ? null : request.normalized(), idempotencyKey);
    String requestHash = IdempotentRequests.requestHash(request.orderId(), request.email(), request.reason(),
        request.description(), request.language());
    ClaimIntake.Subject order = subjectOf(claim);
    return intake.file(new ClaimIntake.Claim(CaseType.REFUND_REQUEST, IDEMPOTENCY_SCOPE, requestHash,
        Locale.forLanguageTag(claim.language()), claim.description(), order, false,
        Variables.createVariables()
            .putValueTyped(RefundProcess.ORDER_ID, Variables.stringValue(order.id()))
            .putValueTyped(RefundProcess.REASON, Variables.stringValue(claim.reason()))
            .putValueTyped(RefundProcess.CLAIM_DESCRIPTION, Variables.stringValue(claim.description()))),
        idempotencyKey);
  }

  /** One problem per violation, except that a missing value is named alone (not also as malformed). */
  static List<FieldProblem> fieldProblems(Set<ConstraintViolation<RefundRequest>> violations) {
    return ClaimIntake.fieldProblems(violations);
  }

  /**
   * The order, if it was placed by the customer with that email (trimmed, case-insensitive);
   * otherwise one 422 for both an unknown order and a wrong email, so neither is revealed.
   */
  private ClaimIntake.Subject subjectOf(RefundRequest claim) {
    Optional<Order> order = orders.findOrder(claim.orderId());
    String email = claim.email().toLowerCase(Locale.ROOT);
    boolean matches = order.map(o -> o.customer().email().strip().toLowerCase(Locale.ROOT).equals(email))
        .orElse(false);
    if (!matches) {
      throw new UnprocessableRecordException(List.of(
          new FieldProblem("orderId", "no order with this id was placed with this email address"),
          new FieldProblem("email", "no order with this id was placed with this email address")));
    }
    return new ClaimIntake.Subject(ClaimIntake.SubjectTable.ORDER, order.get().id(), order.get().customer().id());
  }
}
