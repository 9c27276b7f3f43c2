package org.claimdesk.commerce;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.claimdesk.jdbc.DbTimes;
import org.claimdesk.web.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's subscriptions. Recording is idempotent per subscription id (compared on the
 * shop's fields). A subscription belongs to a SUBSCRIPTION order of the same customer, in the
 * order's currency, and names the payment of its current cycle.
 */
@Service
public class SubscriptionService {

  private final RecordValidator validator;
  private final CustomerRepository customers;
  private final OrderRepository orders;
  private final PaymentRepository payments;
  private final SubscriptionRepository subscriptions;
  private final IdempotentInserts inserts;
  private final Clock clock;

  SubscriptionService(RecordValidator validator, CustomerRepository customers,
      OrderRepository orders, PaymentRepository payments, SubscriptionRepository subscriptions,
      IdempotentInserts inserts, Clock clock) {
    this.validator = validator;
    this.customers = customers;
    this.orders = orders;
    this.payments = payments;
    this.subscriptions = subscriptions;
    this.inserts = inserts;
    this.clock = clock;
  }

  /**
   * Stores a subscription.
   *
   * @return the stored subscription (the same for a replay)
   * @throws InvalidRecordException 400, a field is missing or invalid, or the cycle ends before it starts
   * @throws RecordConflictException 409, the id is stored with other content
   * @throws UnprocessableRecordException 422, an unknown or unfitting customer, order or payment
   */
  @Transactional
  public Subscription record(SubscriptionRequest subscription) {
    List<FieldProblem> invalid = validator.problems(subscription);
    if (invalid.isEmpty() && !subscription.cycleEnd().isAfter(subscription.cycleStart())) {
      invalid.add(new FieldProblem("cycleEnd", "must be after cycleStart"));
    }
    RecordValidator.rejectIfAny(invalid);
    SubscriptionRequest requested = subscription.withTimesTruncated();
    Optional<Subscription> stored = subscriptions.find(requested.id());
    if (stored.isPresent()) {
      return replay(stored.get(), requested);
    }
    rejectUnfitting(requested);
    if (!inserts.insertUnlessDuplicate(() -> subscriptions.insert(requested, clock.instant()))) {
      return replay(subscriptions.find(requested.id()).orElseThrow(), requested);
    }
    return subscriptions.find(requested.id()).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Optional<Subscription> findSubscription(String id) {
    return subscriptions.find(id);
  }

  // The cancellation state Claimdesk keeps (subscription-cancellation calls these inside the
  // engine's transaction). Each locks the row, checks the call against what is stored, and is a
  // no-op when called again with the same values, so a retried job changes nothing. A call that
  // contradicts the stored state throws IllegalStateException (an incident, never a silent change).

  /**
   * SC-1: no further renewal charge. Billing stops at once; the status stays ACTIVE until access
   * ends ({@link #endAccess}).
   *
   * @param accessEndsAt when access will end: {@code cancelledAt} for an immediate cancellation,
   *     the cycle end for one at the end of the cycle; not before {@code cancelledAt}
   */
  @Transactional
  public Subscription stopBilling(String subscriptionId, Instant cancelledAt, Instant accessEndsAt) {
    require(cancelledAt != null, "cancelledAt is required");
    require(accessEndsAt != null, "accessEndsAt is required");
    Instant cancelled = DbTimes.truncate(cancelledAt);
    Instant accessEnds = DbTimes.truncate(accessEndsAt);
    require(!accessEnds.isBefore(cancelled), "accessEndsAt must not be before cancelledAt");
    Subscription stored = locked(subscriptionId);
    if (!stored.billingActive()) {
      if (cancelled.equals(stored.cancelledAt()) && accessEnds.equals(stored.accessEndsAt())) {
        return stored;
      }
      throw new IllegalStateException("Subscription " + subscriptionId + ": billing was already stopped at "
          + stored.cancelledAt() + " with access until " + stored.accessEndsAt());
    }
    if (stored.status() != Subscription.Status.ACTIVE) {
      throw new IllegalStateException("Subscription " + subscriptionId + " is " + stored.status()
          + "; only an active subscription can be cancelled");
    }
    subscriptions.updateCancellationState(subscriptionId, Subscription.Status.ACTIVE, false, cancelled,
        accessEnds, stored.refundedAmount());
    return locked(subscriptionId);
  }

  /**
   * SC-2: access ends, the subscription is CANCELLED. Billing is stopped too (and the
   * cancellation dated {@code endedAt}) if {@link #stopBilling} was not called before.
   */
  @Transactional
  public Subscription endAccess(String subscriptionId, Instant endedAt) {
    require(endedAt != null, "endedAt is required");
    Instant ended = DbTimes.truncate(endedAt);
    Subscription stored = locked(subscriptionId);
    if (stored.status() == Subscription.Status.CANCELLED) {
      if (ended.equals(stored.accessEndsAt()) && !stored.billingActive()) {
        return stored;
      }
      throw new IllegalStateException("Subscription " + subscriptionId + " is already CANCELLED"
          + (stored.accessEndsAt() == null ? "" : " with access ended at " + stored.accessEndsAt()));
    }
    Instant cancelled = stored.cancelledAt() == null ? ended : stored.cancelledAt();
    require(!ended.isBefore(cancelled), "endedAt must not be before the cancellation (" + cancelled + ")");
    subscriptions.updateCancellationState(subscriptionId, Subscription.Status.CANCELLED, false, cancelled,
        ended, stored.refundedAmount());
    return locked(subscriptionId);
  }

  /**
   * A withdrawn cancellation: billing active again, no cancellation date, no access end, ACTIVE.
   * A refund already recorded stays recorded. Refused once access has ended (CANCELLED).
   */
  @Transactional
  public Subscription restore(String subscriptionId) {
    Subscription stored = locked(subscriptionId);
    if (stored.status() == Subscription.Status.CANCELLED) {
      throw new IllegalStateException("Subscription " + subscriptionId
          + " is CANCELLED (access ended); a cancellation can only be withdrawn before access ends");
    }
    if (stored.billingActive() && stored.cancelledAt() == null && stored.accessEndsAt() == null) {
      return stored;
    }
    subscriptions.updateCancellationState(subscriptionId, Subscription.Status.ACTIVE, true, null, null,
        stored.refundedAmount());
    return locked(subscriptionId);
  }

  /**
   * The amount refunded on the cancellation, in minor units of the subscription's currency: 0 to
   * the last payment's amount. Recorded once: the same amount again is a no-op, another amount is
   * refused.
   */
  @Transactional
  public Subscription recordRefund(String subscriptionId, long refundedAmountMinor) {
    require(refundedAmountMinor >= 0, "refundedAmountMinor must not be negative");
    Subscription stored = locked(subscriptionId);
    long paid = payments.find(stored.lastPaymentId()).map(Payment::amount).orElse(stored.amount());
    require(refundedAmountMinor <= paid, "refundedAmountMinor " + refundedAmountMinor
        + " exceeds the last payment's amount " + paid);
    if (stored.refundedAmount() != null) {
      if (stored.refundedAmount() == refundedAmountMinor) {
        return stored;
      }
      throw new IllegalStateException("Subscription " + subscriptionId + ": a refund of "
          + stored.refundedAmount() + " is already recorded");
    }
    subscriptions.updateCancellationState(subscriptionId, stored.status(), stored.billingActive(),
        stored.cancelledAt(), stored.accessEndsAt(), refundedAmountMinor);
    return locked(subscriptionId);
  }

  private Subscription locked(String subscriptionId) {
    require(subscriptionId != null, "subscriptionId is required");
    return subscriptions.findForUpdate(subscriptionId)
        .orElseThrow(() -> new RecordNotFoundException("subscription", subscriptionId));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private void rejectUnfitting(SubscriptionRequest s) {
    List<FieldProblem> problems = new ArrayList<>();
    if (customers.find(s.customerId()).isEmpty()) {
      problems.add(new FieldProblem("customerId", "no customer with this id"));
    }
    Optional<Order> order = orders.find(s.orderId());
    if (order.isEmpty()) {
      problems.add(new FieldProblem("orderId", "no order with this id"));
    } else {
      if (!order.get().customer().id().equals(s.customerId())) {
        problems.add(new FieldProblem("orderId", "the order belongs to another customer"));
      }
      if (order.get().productType() != Order.ProductType.SUBSCRIPTION) {
        problems.add(new FieldProblem("orderId", "must be a SUBSCRIPTION order"));
      }
      if (!order.get().currency().equals(s.currency())) {
        problems.add(new FieldProblem("currency", "must be the order's currency, "
            + order.get().currency()));
      }
    }
    Optional<Payment> lastPayment = payments.find(s.lastPaymentId());
    if (lastPayment.isEmpty()) {
      problems.add(new FieldProblem("lastPaymentId", "no payment with this id"));
    } else if (!lastPayment.get().orderId().equals(s.orderId())) {
      problems.add(new FieldProblem("lastPaymentId", "must be a payment of the subscription's order"));
    }
    if (!problems.isEmpty()) {
      throw new UnprocessableRecordException(problems);
    }
  }

  static Subscription replay(Subscription stored, SubscriptionRequest requested) {
    if (stored.shopFields().equals(requested)) {
      return stored;
    }
    throw new RecordConflictException("Subscription '" + requested.id() + "' is already recorded"
        + " with different content; a recorded subscription cannot be changed by posting it again.",
        new FieldProblem("id", "a subscription with this id is already recorded with different content"));
  }
}
