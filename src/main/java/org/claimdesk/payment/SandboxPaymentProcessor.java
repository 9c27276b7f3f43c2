package org.claimdesk.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.jdbc.DbTimes;
import org.claimdesk.payment.ProcessorRefusedException.Reason;
import org.claimdesk.payment.SandboxRefundRepository.SandboxRefund;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payment processor in the application's own database, for the embedded default and the tests
 * ({@code claimdesk.payment.processor=sandbox}). It behaves as a Stripe-like processor does with
 * idempotency keys, and moves no money:
 * <ul>
 *   <li>a refund is a row of {@code claimdesk.sandbox_refund}, SUCCEEDED at once;
 *   <li>the same idempotency key again answers the same refund (never a second row); the same
 *       key with another charge or amount is refused ({@link Reason#IDEMPOTENCY_KEY_REUSED});
 *   <li>the charge is the merchant's payment with that processor reference; it must be CAPTURED,
 *       in the refund's currency, and a refund may not exceed its amount minus what was refunded
 *       on it already.
 * </ul>
 * Each refund commits in a transaction of its own, as a remote processor's would: the caller's
 * rollback does not undo it. Refunds of one charge take turns on a lock of the charge, and a
 * concurrent refund under the same key is found by the key's unique constraint.
 */
@Component
@ConditionalOnProperty(name = SandboxPaymentProcessor.PROPERTY, havingValue = SandboxPaymentProcessor.NAME)
public class SandboxPaymentProcessor implements PaymentProcessor {

  static final String PROPERTY = "claimdesk.payment.processor";
  static final String NAME = "sandbox";

  private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProcessor.class);

  private final PaymentService payments;
  private final SandboxRefundRepository refunds;
  private final TransactionTemplate ownTransaction;
  private final TransactionTemplate savepoint;
  private final Clock clock;

  SandboxPaymentProcessor(PaymentService payments, SandboxRefundRepository refunds,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.payments = payments;
    this.refunds = refunds;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
    log.info("Payment processor: sandbox. Refunds are recorded in claimdesk.sandbox_refund; no money moves.");
  }

  @Override
  public ProcessorRefund refund(RefundInstruction instruction) {
    requireComplete(instruction);
    return ownTransaction.execute(status -> refundOnce(instruction));
  }

  /**
   * The sandbox's record of a charge is the merchant's payment with that processor reference, with
   * what the sandbox refunded on it; a reference held by no payment, or by several, is unknown to it.
   */
  @Override
  public Optional<ProcessorCharge> findCharge(String chargeReference) {
    List<Payment> found = payments.paymentsWithProcessorReference(chargeReference);
    if (found.size() != 1) {
      return Optional.empty();
    }
    Payment payment = found.get(0);
    return Optional.of(new ProcessorCharge(chargeReference, payment.money(),
        ProcessorCharge.Status.valueOf(payment.status().name()),
        Money.of(refunds.refundedOn(chargeReference), payment.currency())));
  }

  @Override
  public List<ListedRefund> refundsCreated(Instant from, Instant to) {
    return refunds.createdBetween(from, to).stream()
        .map(r -> new ListedRefund(r.id(), r.idempotencyKey(), r.chargeReference(), r.amount(), r.status(),
            r.createdAt()))
        .toList();
  }

  private ProcessorRefund refundOnce(RefundInstruction instruction) {
    Optional<SandboxRefund> known = refunds.findByKey(instruction.idempotencyKey());
    if (known.isPresent()) {
      return replay(known.get(), instruction);
    }
    Payment charge = charge(instruction.chargeReference());
    refunds.lockCharge(charge.id());
    // A refund under the same key may have committed while this one waited for the lock.
    known = refunds.findByKey(instruction.idempotencyKey());
    if (known.isPresent()) {
      return replay(known.get(), instruction);
    }
    requireRefundable(charge, Money.of(refunds.refundedOn(instruction.chargeReference()), charge.currency()),
        instruction.amount());
    SandboxRefund refund = new SandboxRefund("re_sandbox_" + UUID.randomUUID().toString().replace("-", ""),
        instruction.idempotencyKey(), instruction.chargeReference(), instruction.amount(),
        ProcessorRefund.Status.SUCCEEDED, DbTimes.truncate(clock.instant()));
    try {
      savepoint.executeWithoutResult(s -> refunds.insert(refund));
    } catch (DuplicateKeyException raced) {
      // The same key on another charge, committed after this one looked: compare with it.
      return replay(refunds.findByKey(instruction.idempotencyKey()).orElseThrow(), instruction);
    }
    log.info("Sandbox refund {} of {} on charge {} (key {})", refund.id(), refund.amount(),
        refund.chargeReference(), refund.idempotencyKey());
    return refund.toProcessorRefund();
  }

  /** The one payment the processor knows by this reference. */
  private Payment charge(String chargeReference) {
    List<Payment> found = payments.paymentsWithProcessorReference(chargeReference);
    if (found.size() != 1) {
      throw new ProcessorRefusedException(Reason.UNKNOWN_CHARGE, found.isEmpty()
          ? "no charge " + chargeReference
          : found.size() + " payments share the processor reference " + chargeReference);
    }
    return found.get(0);
  }

  /** The stored refund answers a repeated key, when the request is the same. */
  static ProcessorRefund replay(SandboxRefund stored, RefundInstruction instruction) {
    if (!stored.chargeReference().equals(instruction.chargeReference())
        || !stored.amount().equals(instruction.amount())) {
      throw new ProcessorRefusedException(Reason.IDEMPOTENCY_KEY_REUSED, "key "
          + instruction.idempotencyKey() + " was used for a refund of " + stored.amount() + " on "
          + stored.chargeReference() + ", not of " + instruction.amount() + " on "
          + instruction.chargeReference());
    }
    return stored.toProcessorRefund();
  }

  /**
   * Refuses a refund of a charge that was not captured, in another currency, or above the
   * charge's amount minus {@code refunded}.
   */
  static void requireRefundable(Payment charge, Money refunded, Money amount) {
    if (charge.status() != Payment.Status.CAPTURED) {
      throw new ProcessorRefusedException(Reason.CHARGE_NOT_CAPTURED,
          "charge " + charge.processorReference() + " is " + charge.status());
    }
    if (!charge.money().hasSameCurrency(amount)) {
      throw new ProcessorRefusedException(Reason.CURRENCY_MISMATCH, "charge "
          + charge.processorReference() + " is in " + charge.currency() + ", the refund in "
          + amount.currencyCode());
    }
    Money left = charge.money().minus(refunded);
    if (amount.isGreaterThan(left)) {
      throw new ProcessorRefusedException(Reason.AMOUNT_EXCEEDS_CHARGE, "a refund of " + amount
          + " on charge " + charge.processorReference() + " of " + charge.money() + ", of which "
          + refunded + " is refunded already; " + left + " is left");
    }
  }

  private static void requireComplete(RefundInstruction instruction) {
    if (instruction == null || blank(instruction.idempotencyKey()) || instruction.idempotencyKey().length() > 255
        || blank(instruction.chargeReference()) || instruction.amount() == null
        || !instruction.amount().isPositive()) {
      throw new ProcessorRefusedException(Reason.INVALID_REQUEST,
          "a refund needs an idempotency key of at most 255 characters, a charge and a positive amount");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
