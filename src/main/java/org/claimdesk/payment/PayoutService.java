package org.claimdesk.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.commerce.WalletEntry;
import org.claimdesk.commerce.WalletEntryRequest;
import org.claimdesk.commerce.WalletLedger;
import org.claimdesk.jdbc.DbTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Payouts} on the payment processor and the wallet ledger, recorded in
 * {@code claimdesk.payout} under the key {@code <caseReference>:<step>} ({@link PayoutKey}).
 *
 * <h2>A refund, step by step</h2>
 * <ol>
 *   <li>Check the request: a positive amount, a known CAPTURED payment, the payment's currency.
 *   <li>In a short transaction of its own, record the payout as PENDING under its key (or find
 *       it: SUCCEEDED answers the stored receipt and moves nothing; other money under the same
 *       key is an {@link IllegalStateException}), and count the attempt. It commits now.
 *   <li>Ask the processor for the refund, sending the same key and the payment's processor
 *       reference.
 *   <li>In another short transaction, mark the payout SUCCEEDED with the processor's refund id.
 *       If the processor threw, record a short error text instead, and rethrow: the engine
 *       retries the job and, when the retries are used up, raises an incident.
 * </ol>
 *
 * <h2>Why PENDING is committed before the processor is called</h2>
 * The job that pays runs in the engine's transaction. If the node dies, or the transaction
 * rolls back, after the processor has refunded but before the engine commits, the job runs
 * again (on this node or another), maybe much later. What it must not do is refund again. The
 * key is derived from the case and step, so the retry sends the same key and the processor
 * answers with the first refund instead of making a second one; and the payout row, committed
 * on its own before the call, survives the rollback: it fixes what the key pays (a retry with
 * another amount or payment is refused rather than sent under the same key), it shows a payout
 * that may have happened (PENDING, with its attempts and last error) to whoever looks at the
 * incident, and once SUCCEEDED it answers every later call without asking the processor.
 * Written in the engine's transaction instead, the record would vanish with the rollback
 * precisely when the money has moved.
 *
 * <p>The processor's memory of a key is what makes a retry after a lost answer safe: a real
 * processor client must recognise a repeated key for as long as a PENDING payout may be retried
 * (see {@link PaymentProcessor}).
 *
 * <h2>Wallet credits</h2>
 * A credit is an ADJUSTMENT entry from source CLAIMDESK in the wallet ledger, with an entry id
 * derived from the key ({@link PayoutKey#walletEntryId()}), so the ledger's unique entry id makes
 * it exactly once. The entry and the SUCCEEDED mark commit together in one transaction of their
 * own, after the PENDING record.
 *
 * <h2>Transactions</h2>
 * Every write here commits in a transaction of its own ({@code REQUIRES_NEW}), never in the
 * caller's: a caller that rolls back does not undo a payout. So a caller must not hold a lock
 * these transactions need: the customer's row while crediting its wallet (the ledger locks it),
 * or the payment's row while refunding it (the sandbox processor locks it).
 */
@Service
public class PayoutService implements Payouts {

  private static final Logger log = LoggerFactory.getLogger(PayoutService.class);

  /** The longest error text stored with a payout (the column's width). */
  static final int MAX_ERROR_LENGTH = 500;

  private static final Pattern CARD_NUMBER = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){12,18}(?!\\d)");
  private static final Pattern API_KEY = Pattern.compile("\\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]+");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Cntrl}]+");

  private final PaymentService payments;
  private final OrderService orders;
  private final WalletLedger ledger;
  private final PaymentProcessor processor;
  private final PayoutRepository repository;
  private final TransactionTemplate newTransaction;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  PayoutService(PaymentService payments, OrderService orders, WalletLedger ledger,
      PaymentProcessor processor, PayoutRepository repository,
      PlatformTransactionManager transactionManager, Clock clock) {
    this(payments, orders, ledger, processor, repository, transactionManager, clock, event -> { });
  }

  /** As the application builds it: {@code events} hears of each payout that succeeded ({@link PayoutSucceeded}). */
  @Autowired
  PayoutService(PaymentService payments, OrderService orders, WalletLedger ledger,
      PaymentProcessor processor, PayoutRepository repository,
      PlatformTransactionManager transactionManager, Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.payments = payments;
    this.orders = orders;
    this.ledger = ledger;
    this.processor = processor;
    this.repository = repository;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException a malformed case reference or step, an amount that is not
   *     positive, an unknown or not CAPTURED payment, or a currency other than the payment's
   *     (nothing is recorded)
   * @throws IllegalStateException the key is recorded for other money
   * @throws PayoutIncompleteException the processor reports the refund PENDING or FAILED
   * @throws RuntimeException whatever the processor threw ({@link ProcessorRefusedException}
   *     for a refusal); the payout stays PENDING with the attempt and the error recorded
   */
  @Override
  public PayoutReceipt refundPayment(String caseReference, String step, String paymentId, Money amount) {
    PayoutKey key = new PayoutKey(caseReference, step);
    requirePositive(amount);
    Payment payment = payments.findPayment(paymentId).orElseThrow(() ->
        new IllegalArgumentException("Payout " + key + ": no payment " + paymentId));
    if (payment.status() != Payment.Status.CAPTURED) {
      throw new IllegalArgumentException("Payout " + key + ": payment " + paymentId + " is "
          + payment.status() + ", only a CAPTURED payment can be refunded");
    }
    if (!payment.money().hasSameCurrency(amount)) {
      throw new IllegalArgumentException("Payout " + key + ": a refund in " + amount.currencyCode()
          + " of payment " + paymentId + " in " + payment.currency());
    }

    Payout payout = begin(Payout.pending(key, Payout.Kind.REFUND, paymentId, null, amount, now()));
    if (payout.status() == Payout.Status.SUCCEEDED) {
      return payout.receipt().orElseThrow();
    }
    if (payout.status() == Payout.Status.FAILED) {
      throw new PayoutIncompleteException(key.value(), ProcessorRefund.Status.FAILED, payout.reference());
    }

    ProcessorRefund refund;
    try {
      refund = processor.refund(new RefundInstruction(key.value(), payment.processorReference(),
          amount, "Claimdesk case " + caseReference + ", step " + step));
      requireAnswerTo(key, payment, amount, refund);
    } catch (RuntimeException e) {
      recordFailure(key, e);
      throw e;
    }
    return switch (refund.status()) {
      case SUCCEEDED -> inNewTransaction(() -> markSucceeded(key, refund.refundId()));
      case PENDING, FAILED -> {
        PayoutIncompleteException incomplete =
            new PayoutIncompleteException(key.value(), refund.status(), refund.refundId());
        inNewTransaction(() -> {
          repository.recordOutcome(key, Payout.Status.valueOf(refund.status().name()),
              refund.refundId(), now());
          repository.recordError(key, shortError(incomplete), now());
          return null;
        });
        throw incomplete;
      }
    };
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException a malformed case reference or step, an amount that is not
   *     positive, an unknown customer, or a currency other than the wallet's (nothing is recorded)
   * @throws IllegalStateException the key is recorded for other money
   * @throws RuntimeException whatever the ledger threw; the payout stays PENDING with the
   *     attempt and the error recorded
   */
  @Override
  public PayoutReceipt creditWallet(String caseReference, String step, String customerId, Money amount) {
    PayoutKey key = new PayoutKey(caseReference, step);
    requirePositive(amount);
    if (customerId == null || orders.findCustomer(customerId).isEmpty()) {
      throw new IllegalArgumentException("Payout " + key + ": no customer " + customerId);
    }
    ledger.balanceOf(customerId).ifPresent(balance -> {
      if (!balance.hasSameCurrency(amount)) {
        throw new IllegalArgumentException("Payout " + key + ": a wallet credit in "
            + amount.currencyCode() + " to a wallet in " + balance.currencyCode());
      }
    });

    Payout payout = begin(Payout.pending(key, Payout.Kind.WALLET_CREDIT, null, customerId, amount, now()));
    if (payout.status() == Payout.Status.SUCCEEDED) {
      return payout.receipt().orElseThrow();
    }
    try {
      // The ledger entry and the SUCCEEDED mark commit together, or neither does.
      return inNewTransaction(() -> {
        WalletEntry entry = ledger.append(customerId, new WalletEntryRequest(key.walletEntryId(),
            null, amount.amount(), amount.currencyCode(), WalletEntry.Kind.ADJUSTMENT),
            WalletEntry.Source.CLAIMDESK);
        return markSucceeded(key, entry.id());
      });
    } catch (RuntimeException e) {
      recordFailure(key, e);
      throw e;
    }
  }

  /** The payout a case step recorded, whatever its status (read in the caller's transaction, if any). */
  public Optional<Payout> find(String caseReference, String step) {
    return repository.find(new PayoutKey(caseReference, step));
  }

  /**
   * Records the payout as PENDING, or finds it recorded under its key; counts an attempt unless
   * it has succeeded or failed already. Commits before returning.
   */
  private Payout begin(Payout requested) {
    PayoutKey key = requested.key();
    try {
      return inNewTransaction(() -> {
        Optional<Payout> stored = repository.find(key);
        if (stored.isEmpty()) {
          repository.insert(requested);
          repository.countAttempt(key, now());
          return repository.find(key).orElseThrow();
        }
        return continueWith(stored.get(), requested);
      });
    } catch (DuplicateKeyException raced) {
      // A concurrent call recorded the same key first and committed; its transaction rolled
      // ours back, so go on with what it stored.
      log.debug("Payout {} was recorded by a concurrent call", key);
      return inNewTransaction(() -> continueWith(repository.find(key).orElseThrow(), requested));
    }
  }

  private Payout continueWith(Payout stored, Payout requested) {
    stored.requireSameInstructionAs(requested);
    if (stored.status() != Payout.Status.PENDING) {
      return stored;
    }
    repository.countAttempt(stored.key(), now());
    return repository.find(stored.key()).orElseThrow();
  }

  /**
   * Marks the payout SUCCEEDED with where the money went. When a concurrent call marked it
   * first, its reference must be the same: one key, one refund.
   */
  private PayoutReceipt markSucceeded(PayoutKey key, String reference) {
    repository.recordOutcome(key, Payout.Status.SUCCEEDED, reference, now());
    Payout stored = repository.find(key).orElseThrow();
    if (!reference.equals(stored.reference())) {
      throw new IllegalStateException("Payout " + key + " is recorded as paid by " + stored.reference()
          + ", but this attempt was answered with " + reference);
    }
    events.publishEvent(new PayoutSucceeded(stored.idempotencyKey(), stored.kind(), stored.amount()));
    return stored.receipt().orElseThrow();
  }

  private void recordFailure(PayoutKey key, RuntimeException failure) {
    String error = shortError(failure);
    log.warn("Payout {} failed and stays PENDING: {}", key, error);
    try {
      inNewTransaction(() -> {
        repository.recordError(key, error, now());
        return null;
      });
    } catch (RuntimeException recording) {
      failure.addSuppressed(recording);
    }
  }

  /** The processor must answer for the charge and amount it was asked for. */
  private static void requireAnswerTo(PayoutKey key, Payment payment, Money amount, ProcessorRefund refund) {
    if (refund == null || refund.refundId() == null || refund.status() == null
        || !amount.equals(refund.amount())
        || !payment.processorReference().equals(refund.chargeReference())) {
      throw new IllegalStateException("Payout " + key + ": the processor answered " + refund
          + " to a refund of " + amount + " on " + payment.processorReference());
    }
  }

  private static void requirePositive(Money amount) {
    if (amount == null || !amount.isPositive()) {
      throw new IllegalArgumentException("A payout amount must be positive: " + amount);
    }
  }

  /**
   * A short, single-line text of a failure for the payout row: the exception's simple class
   * name and message, with anything shaped like a card number or an API key blanked out, at
   * most {@value #MAX_ERROR_LENGTH} characters.
   */
  static String shortError(Throwable failure) {
    String message = failure.getMessage();
    String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    text = WHITESPACE.matcher(text).replaceAll(" ").strip();
    text = CARD_NUMBER.matcher(text).replaceAll("[redacted]");
    text = API_KEY.matcher(text).replaceAll("[redacted]");
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 3) + "...";
  }

  private <T> T inNewTransaction(Supplier<T> work) {
    return newTransaction.execute(status -> work.get());
  }

  private Instant now() {
    return DbTimes.truncate(clock.instant());
  }
}
