package org.claimdesk.commerce;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.claimdesk.web.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments the processor took for the shop's orders. Recording is idempotent per payment
 * id. A payment's amount may differ from its order's; its currency may not.
 */
@Service
public class PaymentService {

  private final RecordValidator validator;
  private final OrderRepository orders;
  private final PaymentRepository payments;
  private final IdempotentInserts inserts;
  private final Clock clock;

  PaymentService(RecordValidator validator, OrderRepository orders, PaymentRepository payments,
      IdempotentInserts inserts, Clock clock) {
    this.validator = validator;
    this.orders = orders;
    this.payments = payments;
    this.inserts = inserts;
    this.clock = clock;
  }

  /**
   * Stores a payment of a known order.
   *
   * @return the stored payment (the same for a replay)
   * @throws InvalidRecordException 400, a field is missing or invalid
   * @throws RecordConflictException 409, the id is stored with other content
   * @throws UnprocessableRecordException 422, unknown order or a currency other than the order's
   */
  @Transactional
  public Payment record(Payment payment) {
    RecordValidator.rejectIfAny(validator.problems(payment));
    Payment requested = payment.withTimesTruncated();
    Optional<Payment> stored = payments.find(requested.id());
    if (stored.isPresent()) {
      return replay(stored.get(), requested);
    }
    Order order = orders.find(requested.orderId()).orElseThrow(() ->
        new UnprocessableRecordException("orderId", "no order with this id"));
    if (!order.currency().equals(requested.currency())) {
      throw new UnprocessableRecordException("currency",
          "must be the order's currency, " + order.currency());
    }
    if (!inserts.insertUnlessDuplicate(() -> payments.insert(requested, clock.instant()))) {
      return replay(payments.find(requested.id()).orElseThrow(), requested);
    }
    return payments.find(requested.id()).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Optional<Payment> findPayment(String id) {
    return payments.find(id);
  }

  /** The payments of an order, in the order they were captured. */
  @Transactional(readOnly = true)
  public List<Payment> paymentsOfOrder(String orderId) {
    return payments.findByOrder(orderId);
  }

  /**
   * The payments the processor knows by this reference (its charge or payment-intent id),
   * oldest first; normally one.
   */
  @Transactional(readOnly = true)
  public List<Payment> paymentsWithProcessorReference(String processorReference) {
    return payments.findByProcessorReference(processorReference);
  }

  static Payment replay(Payment stored, Payment requested) {
    if (stored.equals(requested)) {
      return stored;
    }
    throw new RecordConflictException("Payment '" + requested.id() + "' is already recorded with"
        + " different content; a recorded payment cannot be changed by posting it again.",
        new FieldProblem("id", "a payment with this id is already recorded with different content"));
  }
}
