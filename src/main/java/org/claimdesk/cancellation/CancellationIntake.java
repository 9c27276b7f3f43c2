package org.claimdesk.cancellation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.variable.Variables;
import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.ClaimIntake;
import org.claimdesk.cases.FiledClaim;
import org.claimdesk.cases.IdempotentRequests;
import org.claimdesk.commerce.Customer;
import org.claimdesk.commerce.InvalidRecordException;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Subscription;
import org.claimdesk.commerce.SubscriptionService;
import org.claimdesk.commerce.UnprocessableRecordException;
import org.claimdesk.web.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a cancellation request: checks it, finds the subscription of that email, and either
 * answers with the cancellation already under way on it or opens a case and starts
 * {@code subscription-cancellation} ({@link ClaimIntake}), in one transaction.
 *
 * <p>A cancellation is under way while a cancellation case on the subscription is open, and also
 * while an earlier cancellation has stopped the subscription's billing and its process still runs
 * (its case may already be final, say RESOLVED with access kept until the cycle ends).
 */
@Service
class CancellationIntake {

  static final String IDEMPOTENCY_SCOPE = "cancellation-requests";

  private final ClaimIntake intake;
  private final SubscriptionService subscriptions;
  private final OrderService orders;

  CancellationIntake(ClaimIntake intake, SubscriptionService subscriptions, OrderService orders) {
    this.intake = intake;
    this.subscriptions = subscriptions;
    this.orders = orders;
  }

  /**
   * @param idempotencyKey the {@code Idempotency-Key} header, or null
   * @throws InvalidRecordException 400, bad fields or a malformed key
   * @throws org.claimdesk.cases.IdempotencyKeyConflictException 409, the key came with another request
   * @throws UnprocessableRecordException 422, no such subscription for that email
   */
  @Transactional
  public FiledClaim file(CancellationRequest request, String idempotencyKey) {
    CancellationRequest claim = intake.checked(request == null ? null : request.normalized(), idempotencyKey);
    String requestHash = IdempotentRequests.requestHash(request.subscriptionId(), request.email(), request.mode(),
        String.valueOf(request.refundRequested()), request.reason(), request.language());
    ClaimIntake.Subject subscription = subjectOf(claim);
    // With no open case, an earlier cancellation whose process still runs answers: it stopped the
    // billing at its start, and its case may be final while its process waits for the cycle's end.
    return intake.file(new ClaimIntake.Claim(CaseType.SUBSCRIPTION_CANCELLATION, IDEMPOTENCY_SCOPE, requestHash,
        Locale.forLanguageTag(claim.language()), claim.describe(), subscription, true,
        Variables.createVariables()
            .putValueTyped(CancellationProcess.SUBSCRIPTION_ID, Variables.stringValue(subscription.id()))
            .putValueTyped(CancellationProcess.MODE, Variables.stringValue(claim.mode()))
            .putValueTyped(CancellationProcess.REFUND_REQUESTED, Variables.booleanValue(claim.refundRequested()))
            .putValueTyped(CancellationProcess.REASON, Variables.stringValue(claim.reason()))),
        idempotencyKey);
  }

  /**
   * The subscription, if its customer has that email (trimmed, case-insensitive); otherwise one
   * 422 for both an unknown subscription and a wrong email, so neither is revealed.
   */
  private ClaimIntake.Subject subjectOf(CancellationRequest claim) {
    Optional<Subscription> subscription = subscriptions.findSubscription(claim.subscriptionId());
    String email = claim.email().toLowerCase(Locale.ROOT);
    boolean matches = subscription.flatMap(s -> orders.findCustomer(s.customerId()))
        .map(Customer::email)
        .map(e -> e.strip().toLowerCase(Locale.ROOT).equals(email))
        .orElse(false);
    if (!matches) {
      String text = "no subscription with this id belongs to this email address";
      throw new UnprocessableRecordException(List.of(
          new FieldProblem("subscriptionId", text), new FieldProblem("email", text)));
    }
    return new ClaimIntake.Subject(ClaimIntake.SubjectTable.SUBSCRIPTION, subscription.get().id(),
        subscription.get().customerId());
  }
}
