package org.claimdesk.cancellation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.claimdesk.commerce.Customer;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.commerce.Subscription;
import org.claimdesk.commerce.SubscriptionService;
import org.springframework.stereotype.Service;

/** Loads a subscription's facts for the refund decision (SC-3: days since the last payment). */
@Service
public class SubscriptionFactsLoader {

  private final SubscriptionService subscriptions;
  private final PaymentService payments;
  private final OrderService orders;
  private final Clock clock;

  public SubscriptionFactsLoader(SubscriptionService subscriptions, PaymentService payments, OrderService orders,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.payments = payments;
    this.orders = orders;
    this.clock = clock;
  }

  public SubscriptionFacts load(String subscriptionId) {
    Subscription subscription = subscriptions.findSubscription(subscriptionId).orElseThrow(
        () -> new IllegalStateException("Subscription " + subscriptionId + " of a cancellation case does not exist"));
    Payment last = payments.findPayment(subscription.lastPaymentId()).orElseThrow(
        () -> new IllegalStateException("Last payment " + subscription.lastPaymentId() + " does not exist"));
    String customerName = orders.findCustomer(subscription.customerId()).map(Customer::name).orElse("");
    long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(last.capturedAt(), ZoneOffset.UTC),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    String summary = subscription.id() + " · " + subscription.plan() + " · last payment " + last.id() + " of "
        + last.money() + " on " + LocalDate.ofInstant(last.capturedAt(), ZoneOffset.UTC)
        + " · paid cycle ends " + LocalDate.ofInstant(subscription.cycleEnd(), ZoneOffset.UTC);
    return new SubscriptionFacts(subscription.customerId(), customerName, subscription.plan(), last.id(),
        last.amount(), last.currency(), days, subscription.cycleEnd(), summary);
  }
}
