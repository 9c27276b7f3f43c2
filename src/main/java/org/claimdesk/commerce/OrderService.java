package org.claimdesk.commerce;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.claimdesk.web.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's orders and their customers. Recording is idempotent per order id: the same order
 * again answers the stored order; different content is a conflict and changes nothing.
 */
@Service
public class OrderService {

  private final RecordValidator validator;
  private final CustomerRepository customers;
  private final OrderRepository orders;
  private final IdempotentInserts inserts;
  private final Clock clock;

  OrderService(RecordValidator validator, CustomerRepository customers, OrderRepository orders,
      IdempotentInserts inserts, Clock clock) {
    this.validator = validator;
    this.customers = customers;
    this.orders = orders;
    this.inserts = inserts;
    this.clock = clock;
  }

  /**
   * Stores an order with its customer: a new customer is created, a known one with identical
   * details is reused. Safe to repeat and to race with an identical call.
   *
   * @return the stored order (the same for a replay)
   * @throws InvalidRecordException 400, a field is missing or invalid
   * @throws RecordConflictException 409, the order id or the customer id is stored with other content
   */
  @Transactional
  public Order record(Order order) {
    RecordValidator.rejectIfAny(validator.problems(order));
    Order requested = order.withTimesTruncated();
    Optional<Order> stored = orders.find(requested.id());
    if (stored.isPresent()) {
      return replay(stored.get(), requested);
    }
    Instant now = clock.instant();
    recordCustomer(requested.customer(), now);
    if (!inserts.insertUnlessDuplicate(() -> orders.insert(requested, now))) {
      return replay(orders.find(requested.id()).orElseThrow(), requested);
    }
    return orders.find(requested.id()).orElseThrow();
  }

  /** The order with that id, its customer embedded. */
  @Transactional(readOnly = true)
  public Optional<Order> findOrder(String id) {
    return orders.find(id);
  }

  /** The customer with that id. */
  @Transactional(readOnly = true)
  public Optional<Customer> findCustomer(String id) {
    return customers.find(id);
  }

  private void recordCustomer(Customer customer, Instant now) {
    Optional<Customer> known = customers.find(customer.id());
    if (known.isEmpty() && inserts.insertUnlessDuplicate(() -> customers.insert(customer, now))) {
      return;
    }
    Customer stored = known.orElseGet(() -> customers.find(customer.id()).orElseThrow());
    if (!stored.equals(customer)) {
      throw customerConflict(customer.id());
    }
  }

  /** A replay answers the stored order when it is identical, and is a conflict otherwise. */
  static Order replay(Order stored, Order requested) {
    if (stored.equals(requested)) {
      return stored;
    }
    Order sameButCustomer = new Order(stored.id(), requested.customer(), stored.productType(),
        stored.description(), stored.amount(), stored.currency(), stored.orderedAt(),
        stored.serviceDate(), stored.serviceStatus());
    if (sameButCustomer.equals(requested)) {
      throw customerConflict(requested.customer().id());
    }
    throw new RecordConflictException("Order '" + requested.id() + "' is already recorded with"
        + " different content; a recorded order cannot be changed by posting it again.",
        new FieldProblem("id", "an order with this id is already recorded with different content"));
  }

  private static RecordConflictException customerConflict(String customerId) {
    return new RecordConflictException("Customer '" + customerId + "' is already recorded with"
        + " different details; customer details cannot be changed through an order.",
        new FieldProblem("customer", "customer '" + customerId
            + "' is already recorded with different details"));
  }
}
