package org.claimdesk.discrepancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.variable.Variables;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.ClaimIntake;
import org.claimdesk.cases.FiledClaim;
import org.claimdesk.cases.IdempotentRequests;
import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.commerce.UnprocessableRecordException;
import org.claimdesk.web.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a payment discrepancy report: checks it, finds the payment for that email, and either
 * answers with the discrepancy case open on that payment or opens a case and starts
 * {@code payment-discrepancy} ({@link ClaimIntake}), in one transaction. A report after the
 * 60 days (PD-2) still opens a case: the process answers it at once, citing the rule.
 */
@Service
class DiscrepancyIntake {

  static final String IDEMPOTENCY_SCOPE = "discrepancy-reports";

  private final ClaimIntake intake;
  private final PaymentService payments;
  private final OrderService orders;

  DiscrepancyIntake(ClaimIntake intake, PaymentService payments, OrderService orders) {
    this.intake = intake;
    this.payments = payments;
    this.orders = orders;
  }

  /**
   * @param idempotencyKey the {@code Idempotency-Key} header, or null
   * @throws org.claimdesk.commerce.InvalidRecordException 400, bad fields or a malformed key
   * @throws org.claimdesk.cases.IdempotencyKeyConflictException 409, the key came with another request
   * @throws UnprocessableRecordException 422, no payment with that id for that email
   */
  @Transactional
  public FiledClaim file(DiscrepancyReportRequest request, String idempotencyKey) {
    DiscrepancyReportRequest normalized = request == null ? null : request.normalized();
    List<FieldProblem> crossField = new ArrayList<>();
    if (normalized != null && normalized.lacksExpectedAmount()) {
      crossField.add(new FieldProblem("expectedAmount",
          "is required when kind is AMOUNT_MISMATCH (the amount you expected, in minor units)"));
    }
    DiscrepancyReportRequest report = intake.checked(normalized, idempotencyKey, crossField);
    String requestHash = IdempotentRequests.requestHash(report.paymentId(), report.email(), report.kind(),
        String.valueOf(report.expectedAmount()), report.description(), report.channel(), report.language());
    Found found = find(report);
    Money expected = report.expectedAmount() == null ? null
        : new Money(report.expectedAmount(), found.payment().money().currency());
    return intake.file(new ClaimIntake.Claim(CaseType.PAYMENT_DISCREPANCY, IDEMPOTENCY_SCOPE, requestHash,
        Locale.forLanguageTag(report.language()), report.describe(expected),
        new ClaimIntake.Subject(ClaimIntake.SubjectTable.PAYMENT, found.payment().id(), found.order().customer().id()),
        // a follow-up (the case may be final) still answers for the payment
        true,
        Variables.createVariables()
            .putValueTyped(DiscrepancyProcess.PAYMENT_ID, Variables.stringValue(found.payment().id()))
            .putValueTyped(DiscrepancyProcess.REPORT_KIND, Variables.stringValue(report.kind()))
            .putValueTyped(DiscrepancyProcess.REPORT_CHANNEL, Variables.stringValue(report.channel()))
            .putValueTyped(DiscrepancyProcess.REPORT_DESCRIPTION, Variables.stringValue(report.description()))
            .putValueTyped(DiscrepancyProcess.EXPECTED_AMOUNT, Variables.longValue(report.expectedAmount()))),
        idempotencyKey);
  }

  private record Found(Payment payment, Order order) {
  }

  /**
   * The payment, if its order was placed by the customer with that email (trimmed,
   * case-insensitive); otherwise one 422 for an unknown payment and a wrong email alike, so
   * neither is revealed.
   */
  private Found find(DiscrepancyReportRequest report) {
    String email = report.email().toLowerCase(Locale.ROOT);
    Optional<Found> found = payments.findPayment(report.paymentId())
        .flatMap(payment -> orders.findOrder(payment.orderId()).map(order -> new Found(payment, order)))
        .filter(f -> f.order().customer().email().strip().toLowerCase(Locale.ROOT).equals(email));
    return found.orElseThrow(() -> {
      String text = "no payment with this id was made with this email address";
      return new UnprocessableRecordException(List.of(
          new FieldProblem("paymentId", text), new FieldProblem("email", text)));
    });
  }
}
