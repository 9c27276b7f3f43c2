package org.claimdesk.commerce;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
