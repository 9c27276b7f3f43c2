package org.claimdesk.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.claimdesk.commerce.Customer;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merchant records of the payout tests, with ids of their own: the test database is shared with
 * every other test of the run (and the demo payments with the processes' tests), so the payout
 * tests never refund a demo payment.
 */
final class PayoutTestData {

  private static final Instant ORDERED_AT = Instant.parse("2025-05-01T10:15:30Z");

  private PayoutTestData() {
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** A case reference as the cases give them, unique to the test: {@code CD-} and 8 characters. */
  static String caseReference() {
    return "CD-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
  }

  /** A new customer (created with an order of theirs); returns its id. */
  static String customer(OrderService orders) {
    return order(orders, unique("cus"), 1000).customer().id();
  }

  /** A CAPTURED payment of {@code amount} EUR for a new order of a new customer. */
  static Payment capturedPayment(OrderService orders, PaymentService payments, long amount) {
    Order order = order(orders, unique("cus"), amount);
    String id = unique("pay");
    return payments.record(new Payment(id, order.id(), "pi_test_" + id, amount, "EUR",
        ORDERED_AT.plusSeconds(60), Payment.Status.CAPTURED));
  }

  private static Order order(OrderService orders, String customerId, long amount) {
    Customer customer = new Customer(customerId, "Test Customer", customerId + "@example.com",
        Customer.Language.EN);
    return orders.record(new Order(unique("ord"), customer, Order.ProductType.SERVICE,
        "Payout test order", amount, "EUR", ORDERED_AT, null, Order.ServiceStatus.RENDERED));
  }

  static long sandboxRefunds(JdbcClient jdbc, String column, String value) {
    return jdbc.sql("select count(*) from claimdesk.sandbox_refund where " + column + " = :value")
        .param("value", value).query(Long.class).single();
  }

  static long payoutRows(JdbcClient jdbc, String caseReference) {
    return jdbc.sql("select count(*) from claimdesk.payout where case_reference = :ref")
        .param("ref", caseReference).query(Long.class).single();
  }

  /** Runs the calls on threads of their own and waits for all of them (each result or exception). */
  static <T> List<Future<T>> runTogether(List<Callable<T>> calls) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<T>> results = pool.invokeAll(calls, 60, TimeUnit.SECONDS);
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A processor in front of another one, for tests: counts the calls and lets each call run a
   * script around the real one ({@code script.apply(call)}; a call's {@code proceed()} asks the
   * real processor).
   */
  static final class ScriptedProcessor implements PaymentProcessor {

    interface Call {
      int number();

      RefundInstruction instruction();

      ProcessorRefund proceed();
    }

    private final PaymentProcessor real;
    private final Function<Call, ProcessorRefund> script;
    private final AtomicInteger calls = new AtomicInteger();

    ScriptedProcessor(PaymentProcessor real, Function<Call, ProcessorRefund> script) {
      this.real = real;
      this.script = script;
    }

    /** Charges are read from the real processor, unscripted. */
    @Override
    public java.util.Optional<ProcessorCharge> findCharge(String chargeReference) {
      return real.findCharge(chargeReference);
    }

    @Override
    public List<ListedRefund> refundsCreated(Instant from, Instant to) {
      return real.refundsCreated(from, to);
    }

    /** Passes every call through, counting it. */
    static ScriptedProcessor counting(PaymentProcessor real) {
      return new ScriptedProcessor(real, Call::proceed);
    }

    int calls() {
      return calls.get();
    }

    @Override
    public ProcessorRefund refund(RefundInstruction instruction) {
      int number = calls.incrementAndGet();
      return script.apply(new Call() {
        @Override
        public int number() {
          return number;
        }

        @Override
        public RefundInstruction instruction() {
          return instruction;
        }

        @Override
        public ProcessorRefund proceed() {
          return real.refund(instruction);
        }
      });
    }
  }
}
