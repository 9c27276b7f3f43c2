package org.claimdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.commerce.WalletLedger;
import org.claimdesk.payment.PayoutTestData.ScriptedProcessor;
import org.claimdesk.payment.ProcessorRefusedException.Reason;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds exactly once on PostgreSQL, through the sandbox processor: repeated calls, a caller
 * that rolls back after the refund, a lost processor answer, a failing processor, concurrent
 * calls, and refunds beyond the charge.
 *
 * <p>Where a test needs to watch or break the processor, it builds a {@link PayoutService} of
 * its own around the application's beans with a {@link ScriptedProcessor} in front of the
 * sandbox, so the application context stays the one all integration tests share.
 */
@PostgresIntegrationTest
class PayoutRefundIT {

  private static final String STEP = "refund";

  @Autowired
  Payouts payouts;

  @Autowired
  PayoutService payoutService;

  @Autowired
  PaymentProcessor sandbox;

  @Autowired
  PayoutRepository repository;

  @Autowired
  OrderService orders;

  @Autowired
  PaymentService payments;

  @Autowired
  WalletLedger ledger;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  Clock clock;

  @Autowired
  JdbcClient jdbc;

  private PayoutService payoutsWith(PaymentProcessor processor) {
    return new PayoutService(payments, orders, ledger, processor, repository, transactionManager, clock);
  }

  private Payment payment(long amount) {
    return PayoutTestData.capturedPayment(orders, payments, amount);
  }

  private long sandboxRefundsOf(Payment payment) {
    return PayoutTestData.sandboxRefunds(jdbc, "charge_reference", payment.processorReference());
  }

  private Payout payout(String caseReference, String step) {
    return payoutService.find(caseReference, step).orElseThrow();
  }

  @Test
  void aRefundPaysOnceAndTheSameStepAgainAnswersTheSameReceipt() {
    ScriptedProcessor processor = ScriptedProcessor.counting(sandbox);
    PayoutService service = payoutsWith(processor);
    Payment payment = payment(9000);
    String caseReference = PayoutTestData.caseReference();

    PayoutReceipt first = service.refundPayment(caseReference, STEP, payment.id(), Money.of(4000, "EUR"));
    PayoutReceipt again = service.refundPayment(caseReference, STEP, payment.id(), Money.of(4000, "EUR"));

    assertThat(first.idempotencyKey()).isEqualTo(caseReference + ":refund");
    assertThat(first.amount()).isEqualTo(Money.of(4000, "EUR"));
    assertThat(first.reference()).startsWith("re_sandbox_");
    assertThat(again).isEqualTo(first);
    assertThat(processor.calls()).as("a SUCCEEDED payout answers without the processor").isOne();
    assertThat(sandboxRefundsOf(payment)).isOne();
    assertThat(PayoutTestData.sandboxRefunds(jdbc, "idempotency_key", caseReference + ":refund")).isOne();
    assertThat(PayoutTestData.payoutRows(jdbc, caseReference)).isOne();
    Payout payout = payout(caseReference, STEP);
    assertThat(payout.status()).isEqualTo(Payout.Status.SUCCEEDED);
    assertThat(payout.kind()).isEqualTo(Payout.Kind.REFUND);
    assertThat(payout.paymentId()).isEqualTo(payment.id());
    assertThat(payout.reference()).isEqualTo(first.reference());
    assertThat(payout.attempts()).isOne();
    assertThat(payout.lastError()).isNull();
    // The application's own bean answers the same for the same step.
    assertThat(payouts.refundPayment(caseReference, STEP, payment.id(), Money.of(4000, "EUR"))).isEqualTo(first);
  }

  @Test
  void theSameStepWithOtherMoneyIsRefusedNamingTheKeyAndNothingMoves() {
    ScriptedProcessor processor = ScriptedProcessor.counting(sandbox);
    PayoutService service = payoutsWith(processor);
    Payment payment = payment(9000);
    Payment otherPayment = payment(9000);
    String caseReference = PayoutTestData.caseReference();
    PayoutReceipt first = service.refundPayment(caseReference, STEP, payment.id(), Money.of(4000, "EUR"));

    assertThatThrownBy(() -> service.refundPayment(caseReference, STEP, payment.id(), Money.of(4500, "EUR")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(caseReference + ":refund");
    assertThatThrownBy(() -> service.refundPayment(caseReference, STEP, otherPayment.id(), Money.of(4000, "EUR")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(caseReference + ":refund");
    assertThatThrownBy(() -> service.creditWallet(caseReference, STEP, PayoutTestData.customer(orders),
        Money.of(4000, "EUR")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(caseReference + ":refund");

    assertThat(processor.calls()).isOne();
    assertThat(sandboxRefundsOf(payment)).isOne();
    assertThat(sandboxRefundsOf(otherPayment)).isZero();
    Payout payout = payout(caseReference, STEP);
    assertThat(payout.amount()).isEqualTo(Money.of(4000, "EUR"));
    assertThat(payout.reference()).isEqualTo(first.reference());
  }

  @Test
  void aCallerThatRollsBackAfterTheRefundDoesNotUndoItAndTheRerunPaysNothingMore() {
    ScriptedProcessor processor = ScriptedProcessor.counting(sandbox);
    PayoutService service = payoutsWith(processor);
    Payment payment = payment(9000);
    String caseReference = PayoutTestData.caseReference();
    List<PayoutReceipt> firstRun = new ArrayList<>();

    // The engine's transaction around the job: the refund is made, then the transaction fails
    // to commit (a crash, an optimistic-locking failure at the next step, ...).
    TransactionTemplate engineTransaction = new TransactionTemplate(transactionManager);
    assertThatThrownBy(() -> engineTransaction.executeWithoutResult(status -> {
      firstRun.add(service.refundPayment(caseReference, STEP, payment.id(), Money.of(9000, "EUR")));
      throw new IllegalStateException("the engine's transaction rolls back");
    })).hasMessage("the engine's transaction rolls back");

    Payout afterRollback = payout(caseReference, STEP);
    assertThat(afterRollback.status()).isEqualTo(Payout.Status.SUCCEEDED);
    assertThat(afterRollback.reference()).isEqualTo(firstRun.get(0).reference());
    assertThat(sandboxRefundsOf(payment)).isOne();

    // The job runs again.
    PayoutReceipt rerun = service.refundPayment(caseReference, STEP, payment.id(), Money.of(9000, "EUR"));

    assertThat(rerun).isEqualTo(firstRun.get(0));
    assertThat(processor.calls()).isOne();
    assertThat(sandboxRefundsOf(payment)).isOne();
    assertThat(payout(caseReference, STEP).status()).isEqualTo(Payout.Status.SUCCEEDED);
  }

  @Test
  void whenTheProcessorsAnswerIsLostTheRetrySendsTheSameKeyAndGetsTheFirstRefundBack() {
    ScriptedProcessor processor = new ScriptedProcessor(sandbox, call -> {
      ProcessorRefund made = call.proceed();
      if (call.number() == 1) {
        throw new IllegalStateException("connection reset before the answer arrived");
      }
      return made;
    });
    PayoutService service = payoutsWith(processor);
    Payment payment = payment(9000);
    String caseReference = PayoutTestData.caseReference();

    assertThatThrownBy(() -> service.refundPayment(caseReference, STEP, payment.id(), Money.of(9000, "EUR")))
        .hasMessageContaining("connection reset");
    Payout afterLoss = payout(caseReference, STEP);
    assertThat(afterLoss.status()).isEqualTo(Payout.Status.PENDING);
    assertThat(afterLoss.attempts()).isOne();
    assertThat(afterLoss.lastError()).isEqualTo(
        "IllegalStateException: connection reset before the answer arrived");
    assertThat(sandboxRefundsOf(payment)).as("the processor did refund").isOne();
    String madeRefund = jdbc.sql("select id from claimdesk.sandbox_refund where charge_reference = :c")
        .param("c", payment.processorReference()).query(String.class).single();

    PayoutReceipt retry = service.refundPayment(caseReference, STEP, payment.id(), Money.of(9000, "EUR"));

    assertThat(retry.reference()).isEqualTo(madeRefund);
    assertThat(processor.calls()).isEqualTo(2);
    assertThat(sandboxRefundsOf(payment)).isOne();
    Payout paid = payout(caseReference, STEP);
    assertThat(paid.status()).isEqualTo(Payout.Status.SUCCEEDED);
    assertThat(paid.attempts()).isEqualTo(2);
  }

  @Test
  void aFailingProcessorLeavesThePayoutPendingWithItsAttemptsAndTheNextCallPaysOnce() {
    ScriptedProcessor processor = new ScriptedProcessor(sandbox, call -> {
      if (call.number() <= 2) {
        throw new IllegalStateException("processor unavailable (HTTP 503), attempt " + call.number());
      }
      return call.proceed();
    });
    PayoutService service = payoutsWith(processor);
    Payment payment = payment(9000);
    String caseReference = PayoutTestData.caseReference();

    for (int attempt = 1; attempt <= 2; attempt++) {
      assertThatThrownBy(() -> service.refundPayment(caseReference, STEP, payment.id(), Money.of(2500, "EUR")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("HTTP 503");
      Payout failed = payout(caseReference, STEP);
      assertThat(failed.status()).isEqualTo(Payout.Status.PENDING);
      assertThat(failed.attempts()).isEqualTo(attempt);
      assertThat(failed.lastError()).isEqualTo(
          "IllegalStateException: processor unavailable (HTTP 503), attempt " + attempt);
      assertThat(failed.reference()).isNull();
      assertThat(sandboxRefundsOf(payment)).isZero();
    }

    PayoutReceipt paid = service.refundPayment(caseReference, STEP, payment.id(), Money.of(2500, "EUR"));
    PayoutReceipt again = service.refundPayment(caseReference, STEP, payment.id(), Money.of(2500, "EUR"));

    assertThat(again).isEqualTo(paid);
    assertThat(processor.calls()).isEqualTo(3);
    assertThat(sandboxRefundsOf(payment)).isOne();
    Payout payout = payout(caseReference, STEP);
    assertThat(payout.status()).isEqualTo(Payout.Status.SUCCEEDED);
    assertThat(payout.attempts()).isEqualTo(3);
    assertThat(payout.reference()).isEqualTo(paid.reference());
  }

  @Test
  void aRefundThePendingProcessorHasNotSettledYetIsAskedForAgainUnderTheSameKey() {
    ScriptedProcessor processor = new ScriptedProcessor(sandbox, call -> {
      ProcessorRefund made = call.proceed();
      return call.number() == 1
          ? new ProcessorRefund(made.refundId(), made.chargeReference(), made.amount(), ProcessorRefund.Status.PENDING)
          : made;
    });
    PayoutService service = payoutsWith(processor);
    Payment payment = payment(9000);
    String caseReference = PayoutTestData.caseReference();

    assertThatThrownBy(() -> service.refundPayment(caseReference, STEP, payment.id(), Money.of(1000, "EUR")))
        .isInstanceOfSatisfying(PayoutIncompleteException.class,
            e -> assertThat(e.processorStatus()).isEqualTo(ProcessorRefund.Status.PENDING));
    Payout pending = payout(caseReference, STEP);
    assertThat(pending.status()).isEqualTo(Payout.Status.PENDING);
    assertThat(pending.reference()).startsWith("re_sandbox_");
    assertThat(pending.lastError()).contains("PENDING");

    PayoutReceipt settled = service.refundPayment(caseReference, STEP, payment.id(), Money.of(1000, "EUR"));

    assertThat(settled.reference()).isEqualTo(pending.reference());
    assertThat(payout(caseReference, STEP).status()).isEqualTo(Payout.Status.SUCCEEDED);
    assertThat(sandboxRefundsOf(payment)).isOne();
  }

  @Test
  void aRefundTheProcessorReportsFailedMarksThePayoutFailedAndIsNotTriedAgain() {
    ScriptedProcessor processor = new ScriptedProcessor(sandbox, call -> {
      ProcessorRefund made = call.proceed();
      return new ProcessorRefund(made.refundId(), made.chargeReference(), made.amount(), ProcessorRefund.Status.FAILED);
    });
    PayoutService service = payoutsWith(processor);
    Payment payment = payment(9000);
    String caseReference = PayoutTestData.caseReference();

    for (int call = 1; call <= 2; call++) {
      assertThatThrownBy(() -> service.refundPayment(caseReference, STEP, payment.id(), Money.of(1000, "EUR")))
          .isInstanceOfSatisfying(PayoutIncompleteException.class,
              e -> assertThat(e.processorStatus()).isEqualTo(ProcessorRefund.Status.FAILED))
          .hasMessageContaining(caseReference + ":refund");
    }

    assertThat(processor.calls()).isOne();
    Payout failed = payout(caseReference, STEP);
    assertThat(failed.status()).isEqualTo(Payout.Status.FAILED);
    assertThat(failed.attempts()).isOne();
    assertThat(failed.reference()).startsWith("re_sandbox_");
    assertThat(failed.receipt()).isEmpty();
  }

  @Test
  void twoCallsThatReachTheProcessorTogetherForTheSameStepRefundOnce() throws Exception {
    // Both calls pass the PENDING record and meet at the processor, as two nodes running the
    // same job twice (a lock that expired) would.
    CyclicBarrier bothAtTheProcessor = new CyclicBarrier(2);
    ScriptedProcessor processor = new ScriptedProcessor(sandbox, call -> {
      meet(bothAtTheProcessor);
      return call.proceed();
    });
    PayoutService service = payoutsWith(processor);
    Payment payment = payment(9000);
    String caseReference = PayoutTestData.caseReference();
    Callable<PayoutReceipt> refund =
        () -> service.refundPayment(caseReference, STEP, payment.id(), Money.of(9000, "EUR"));

    List<Future<PayoutReceipt>> results = PayoutTestData.runTogether(List.of(refund, refund));

    assertThat(results.get(0).get()).isEqualTo(results.get(1).get());
    assertThat(processor.calls()).isEqualTo(2);
    assertThat(sandboxRefundsOf(payment)).isOne();
    assertThat(PayoutTestData.payoutRows(jdbc, caseReference)).isOne();
    Payout payout = payout(caseReference, STEP);
    assertThat(payout.status()).isEqualTo(Payout.Status.SUCCEEDED);
    assertThat(payout.attempts()).isEqualTo(2);
  }

  @Test
  void twoCallsRecordingTheSamePayoutTogetherRefundOnce() throws Exception {
    // The first call to record the payout waits, before it commits, until the second one
    // (which found nothing recorded yet) inserts too: the second call meets a duplicate key and
    // must go on with the payout the first one recorded.
    AtomicInteger inserts = new AtomicInteger();
    CountDownLatch secondInsert = new CountDownLatch(1);
    PayoutRepository watchedPayouts = new PayoutRepository(jdbc) {
      @Override
      void insert(Payout payout) {
        if (inserts.incrementAndGet() == 1) {
          super.insert(payout);
          meet(secondInsert);
        } else {
          secondInsert.countDown();
          super.insert(payout);
        }
      }
    };
    ScriptedProcessor processor = ScriptedProcessor.counting(sandbox);
    PayoutService service = new PayoutService(payments, orders, ledger, processor, watchedPayouts,
        transactionManager, clock);
    Payment payment = payment(9000);
    String caseReference = PayoutTestData.caseReference();
    Callable<PayoutReceipt> refund =
        () -> service.refundPayment(caseReference, STEP, payment.id(), Money.of(7000, "EUR"));

    List<Future<PayoutReceipt>> results = PayoutTestData.runTogether(List.of(refund, refund));

    assertThat(results.get(0).get()).isEqualTo(results.get(1).get());
    assertThat(inserts.get()).as("both calls tried to record the payout").isEqualTo(2);
    assertThat(sandboxRefundsOf(payment)).isOne();
    assertThat(PayoutTestData.payoutRows(jdbc, caseReference)).isOne();
    Payout payout = payout(caseReference, STEP);
    assertThat(payout.status()).isEqualTo(Payout.Status.SUCCEEDED);
    // The second call asks the processor too if the first had not succeeded yet when it looked.
    assertThat(payout.attempts()).isBetween(1, 2).isEqualTo(processor.calls());
  }

  @Test
  void aRefundAboveWhatIsLeftOnTheChargeIsRefusedAndLeavesThePayoutPending() {
    Payment payment = payment(5000);
    String caseReference = PayoutTestData.caseReference();
    payouts.refundPayment(caseReference, "refund", payment.id(), Money.of(3000, "EUR"));

    assertThatThrownBy(() -> payouts.refundPayment(caseReference, "refund-2", payment.id(), Money.of(2001, "EUR")))
        .isInstanceOfSatisfying(ProcessorRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.AMOUNT_EXCEEDS_CHARGE));
    Payout refused = payout(caseReference, "refund-2");
    assertThat(refused.status()).isEqualTo(Payout.Status.PENDING);
    assertThat(refused.attempts()).isOne();
    assertThat(refused.lastError()).startsWith("ProcessorRefusedException: AMOUNT_EXCEEDS_CHARGE");
    assertThat(sandboxRefundsOf(payment)).isOne();

    payouts.refundPayment(caseReference, "refund-3", payment.id(), Money.of(2000, "EUR"));
    assertThat(sandboxRefundsOf(payment)).isEqualTo(2);
    assertThatThrownBy(() -> payouts.refundPayment(caseReference, "refund-4", payment.id(), Money.of(1, "EUR")))
        .isInstanceOf(ProcessorRefusedException.class);
    assertThat(jdbc.sql("select sum(amount) from claimdesk.sandbox_refund where charge_reference = :c")
        .param("c", payment.processorReference()).query(Long.class).single()).isEqualTo(5000);
  }

  @Test
  void concurrentRefundsOfOneChargeUnderDifferentKeysNeverExceedIt() throws Exception {
    // The first refund to check what is left on the charge waits there until the second one
    // is either blocked by PostgreSQL (the charge is locked: it will check after the first
    // commits) or has checked too (no lock: both saw 5000 left, and both would refund).
    AtomicInteger checks = new AtomicInteger();
    SandboxRefundRepository watchedRefunds = new SandboxRefundRepository(jdbc) {
      @Override
      long refundedOn(String chargeReference) {
        long refunded = super.refundedOn(chargeReference);
        if (checks.incrementAndGet() == 1) {
          await().atMost(Duration.ofSeconds(30))
              .until(() -> checks.get() > 1 || backendsWaitingForALock() > 0);
        }
        return refunded;
      }
    };
    PayoutService service = payoutsWith(
        new SandboxPaymentProcessor(payments, watchedRefunds, transactionManager, clock));
    Payment payment = payment(5000);
    String caseReference = PayoutTestData.caseReference();

    List<Future<PayoutReceipt>> results = PayoutTestData.runTogether(List.of(
        () -> service.refundPayment(caseReference, "refund-a", payment.id(), Money.of(3000, "EUR")),
        () -> service.refundPayment(caseReference, "refund-b", payment.id(), Money.of(3000, "EUR"))));

    List<Throwable> refusals = new ArrayList<>();
    int paid = 0;
    for (Future<PayoutReceipt> result : results) {
      try {
        result.get();
        paid++;
      } catch (ExecutionException e) {
        refusals.add(e.getCause());
      }
    }
    assertThat(paid).isOne();
    assertThat(refusals).singleElement().isInstanceOfSatisfying(ProcessorRefusedException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.AMOUNT_EXCEEDS_CHARGE));
    assertThat(sandboxRefundsOf(payment)).isOne();
  }

  private long backendsWaitingForALock() {
    return jdbc.sql("select count(*) from pg_stat_activity"
            + " where datname = current_database() and wait_event_type = 'Lock'")
        .query(Long.class).single();
  }

  @Test
  void requestsThatCannotBeRefundsAreRefusedBeforeAnythingIsRecorded() {
    Payment payment = payment(5000);
    String caseReference = PayoutTestData.caseReference();

    // Demo data: pay-recharge-failed is a FAILED payment (docs/demo-data.md).
    assertThatThrownBy(() -> payouts.refundPayment(caseReference, STEP, "pay-recharge-failed", Money.of(100, "EUR")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FAILED");
    assertThatThrownBy(() -> payouts.refundPayment(caseReference, STEP, "pay-does-not-exist", Money.of(100, "EUR")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no payment");
    assertThatThrownBy(() -> payouts.refundPayment(caseReference, STEP, payment.id(), Money.of(100, "USD")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD");
    assertThatThrownBy(() -> payouts.refundPayment(caseReference, STEP, payment.id(), Money.of(0, "EUR")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> payouts.refundPayment(caseReference, "refund:2", payment.id(), Money.of(100, "EUR")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");

    assertThat(PayoutTestData.payoutRows(jdbc, caseReference)).isZero();
    assertThat(sandboxRefundsOf(payment)).isZero();
  }

  @Test
  void theSandboxAnswersARepeatedKeyWithTheSameRefundAndRefusesItForOtherParameters() {
    Payment payment = payment(5000);
    Payment otherPayment = payment(5000);
    String key = PayoutTestData.caseReference() + ":refund";
    RefundInstruction instruction =
        new RefundInstruction(key, payment.processorReference(), Money.of(1000, "EUR"), "test");

    ProcessorRefund first = sandbox.refund(instruction);
    ProcessorRefund again = sandbox.refund(instruction);

    assertThat(again).isEqualTo(first);
    assertThat(first.status()).isEqualTo(ProcessorRefund.Status.SUCCEEDED);
    assertThat(first.chargeReference()).isEqualTo(payment.processorReference());
    assertThat(PayoutTestData.sandboxRefunds(jdbc, "idempotency_key", key)).isOne();
    assertThatThrownBy(() -> sandbox.refund(
        new RefundInstruction(key, payment.processorReference(), Money.of(1001, "EUR"), "test")))
        .isInstanceOfSatisfying(ProcessorRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED));
    assertThatThrownBy(() -> sandbox.refund(
        new RefundInstruction(key, otherPayment.processorReference(), Money.of(1000, "EUR"), "test")))
        .isInstanceOfSatisfying(ProcessorRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED));
    assertThatThrownBy(() -> sandbox.refund(
        new RefundInstruction(key + "-x", "pi_unknown_" + key, Money.of(1000, "EUR"), "test")))
        .isInstanceOfSatisfying(ProcessorRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CHARGE));
    assertThat(sandboxRefundsOf(otherPayment)).isZero();
    assertThat(PayoutTestData.sandboxRefunds(jdbc, "idempotency_key", key)).isOne();
  }

  private static void meet(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("The other call did not arrive", e);
    }
  }

  private static void meet(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The other call did not arrive");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
