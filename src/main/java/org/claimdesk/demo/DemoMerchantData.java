package org.claimdesk.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;

import org.claimdesk.commerce.Customer;
import org.claimdesk.commerce.Customer.Language;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.Order.ProductType;
import org.claimdesk.commerce.Order.ServiceStatus;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.commerce.Subscription;
import org.claimdesk.commerce.SubscriptionRequest;
import org.claimdesk.commerce.SubscriptionService;
import org.claimdesk.commerce.WalletEntry;
import org.claimdesk.commerce.WalletEntryRequest;
import org.claimdesk.commerce.WalletLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo merchant data, so each process can be tried at once: customers, orders of every product
 * type at various ages, their payments (a duplicate charge, an amount mismatch, one outside
 * the 60-day window), subscriptions inside and outside the refund window, wallet recharges
 * credited, not yet credited and failed. {@code docs/demo-data.md} lists every record and
 * what it is good for.
 *
 * <p>Seeded through the same services as the merchant API, so it is valid by construction,
 * once all singletons exist and before the web server takes traffic. Dates are relative to
 * the first start. A restart skips records that exist (they keep their first dates) and never
 * fails because of the demo data.
 */
@Component
@ConditionalOnProperty(name = "claimdesk.demo.enabled", havingValue = "true")
class DemoMerchantData implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(DemoMerchantData.class);
  private static final String EUR = "EUR";

  static final Customer MARIE = new Customer("cus-marie", "Marie Dubois", "marie.dubois@example.com", Language.FR);
  static final Customer JAMES = new Customer("cus-james", "James Carter", "james.carter@example.com", Language.EN);
  static final Customer LEA = new Customer("cus-lea", "Léa Martin", "lea.martin@example.com", Language.FR);

  private final OrderService orders;
  private final PaymentService payments;
  private final SubscriptionService subscriptions;
  private final WalletLedger wallets;
  private final Clock clock;

  private Instant now;
  private int created;
  private int failed;

  DemoMerchantData(OrderService orders, PaymentService payments, SubscriptionService subscriptions,
      WalletLedger wallets, Clock clock) {
    this.orders = orders;
    this.payments = payments;
    this.subscriptions = subscriptions;
    this.wallets = wallets;
    this.clock = clock;
  }

  /** How a seeding run went: records created, records that could not be created. */
  record Seeding(int created, int failed) {
  }

  @Override
  public void afterSingletonsInstantiated() {
    Seeding seeding = seed();
    log.info("Demo merchant data: {} records created, {} failed, the others existed already",
        seeding.created(), seeding.failed());
  }

  /** Creates the demo records that do not exist yet; safe to run any number of times. */
  synchronized Seeding seed() {
    now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    created = 0;
    failed = 0;
    seedServices();
    seedDigital();
    seedSubscriptions();
    seedPaymentDisputes();
    seedWallets();
    return new Seeding(created, failed);
  }

  private void seedServices() {
    order("ord-service-future", JAMES, ProductType.SERVICE, "Website accessibility audit (remote session)",
        15000, ago(days(2)), today().plusDays(5), ServiceStatus.BOOKED);
    payment("pay-service-future", "ord-service-future", 15000, ago(days(2)), Payment.Status.CAPTURED);

    order("ord-service-rendered-3d", MARIE, ProductType.SERVICE, "Séance de conseil en identité visuelle",
        9000, ago(days(6)), today().minusDays(3), ServiceStatus.RENDERED);
    payment("pay-service-rendered-3d", "ord-service-rendered-3d", 9000, ago(days(6)), Payment.Status.CAPTURED);

    order("ord-service-rendered-10d", JAMES, ProductType.SERVICE, "Server migration, one working day",
        12000, ago(days(14)), today().minusDays(10), ServiceStatus.RENDERED);
    payment("pay-service-rendered-10d", "ord-service-rendered-10d", 12000, ago(days(14)), Payment.Status.CAPTURED);
  }

  private void seedDigital() {
    order("ord-digital-initiated-2d", LEA, ProductType.DIGITAL, "Cours en ligne : photographie, accès immédiat",
        4900, ago(days(2)), today().minusDays(2), ServiceStatus.INITIATED);
    payment("pay-digital-initiated-2d", "ord-digital-initiated-2d", 4900, ago(days(2)), Payment.Status.CAPTURED);

    order("ord-digital-booked-1d", MARIE, ProductType.DIGITAL, "E-book bundle, not yet downloaded",
        1900, ago(days(1)), null, ServiceStatus.BOOKED);
    payment("pay-digital-booked-1d", "ord-digital-booked-1d", 1900, ago(days(1)), Payment.Status.CAPTURED);

    order("ord-undelivered-5d", JAMES, ProductType.DIGITAL, "Custom logo files, never delivered",
        3500, ago(days(5)), null, ServiceStatus.BOOKED);
    payment("pay-undelivered-5d", "ord-undelivered-5d", 3500, ago(days(5)), Payment.Status.CAPTURED);

    order("ord-undelivered-12d", MARIE, ProductType.DIGITAL, "Modèles de présentation, jamais livrés",
        2500, ago(days(12)), null, ServiceStatus.BOOKED);
    payment("pay-undelivered-12d", "ord-undelivered-12d", 2500, ago(days(12)), Payment.Status.CAPTURED);
  }

  private void seedSubscriptions() {
    order("ord-sub-paid-3d", MARIE, ProductType.SUBSCRIPTION, "Abonnement Pro mensuel",
        1999, ago(days(3)), null, ServiceStatus.RENDERED);
    payment("pay-sub-paid-3d", "ord-sub-paid-3d", 1999, ago(days(3)), Payment.Status.CAPTURED);
    subscription("sub-paid-3d", MARIE, "ord-sub-paid-3d", "Pro monthly", 1999,
        ago(days(3)), ago(days(3)).plus(days(30)), "pay-sub-paid-3d");

    order("ord-sub-paid-20d", JAMES, ProductType.SUBSCRIPTION, "Team plan, monthly",
        4900, ago(days(80)), null, ServiceStatus.RENDERED);
    payment("pay-sub-paid-20d", "ord-sub-paid-20d", 4900, ago(days(20)), Payment.Status.CAPTURED);
    subscription("sub-paid-20d", JAMES, "ord-sub-paid-20d", "Team monthly", 4900,
        ago(days(20)), ago(days(20)).plus(days(30)), "pay-sub-paid-20d");

    order("ord-sub-ends-2d", LEA, ProductType.SUBSCRIPTION, "Abonnement Basic mensuel",
        999, ago(days(58)), null, ServiceStatus.RENDERED);
    payment("pay-sub-ends-2d", "ord-sub-ends-2d", 999, ago(days(28)), Payment.Status.CAPTURED);
    subscription("sub-ends-2d", LEA, "ord-sub-ends-2d", "Basic monthly", 999,
        ago(days(28)), ago(days(28)).plus(days(30)), "pay-sub-ends-2d");
  }

  private void seedPaymentDisputes() {
    order("ord-dup-charge", JAMES, ProductType.DIGITAL, "Stock photo pack, 50 images",
        1500, ago(days(2)), today().minusDays(2), ServiceStatus.INITIATED);
    payment("pay-dup-1", "ord-dup-charge", 1500, ago(days(2)), Payment.Status.CAPTURED);
    payment("pay-dup-2", "ord-dup-charge", 1500, ago(days(2)).plus(Duration.ofMinutes(3)), Payment.Status.CAPTURED);

    order("ord-amount-mismatch", LEA, ProductType.SERVICE, "Traduction d'un site (10 pages)",
        4000, ago(days(4)), today().minusDays(1), ServiceStatus.RENDERED);
    payment("pay-amount-mismatch", "ord-amount-mismatch", 4400, ago(days(4)), Payment.Status.CAPTURED);

    order("ord-paid-70d", MARIE, ProductType.SERVICE, "Audit SEO complet",
        8000, ago(days(70)), today().minusDays(65), ServiceStatus.RENDERED);
    payment("pay-70d", "ord-paid-70d", 8000, ago(days(70)), Payment.Status.CAPTURED);
  }

  private void seedWallets() {
    order("ord-recharge-10h", MARIE, ProductType.WALLET_RECHARGE, "Wallet recharge 50 EUR",
        5000, ago(Duration.ofHours(10)), null, ServiceStatus.BOOKED);
    payment("pay-recharge-10h", "ord-recharge-10h", 5000, ago(Duration.ofHours(10)), Payment.Status.CAPTURED);

    order("ord-recharge-80h", JAMES, ProductType.WALLET_RECHARGE, "Wallet recharge 20 EUR",
        2000, ago(Duration.ofHours(80)), null, ServiceStatus.BOOKED);
    payment("pay-recharge-80h", "ord-recharge-80h", 2000, ago(Duration.ofHours(80)), Payment.Status.CAPTURED);

    order("ord-recharge-failed", LEA, ProductType.WALLET_RECHARGE, "Recharge du portefeuille 30 EUR",
        3000, ago(Duration.ofHours(30)), null, ServiceStatus.BOOKED);
    payment("pay-recharge-failed", "ord-recharge-failed", 3000, ago(Duration.ofHours(30)), Payment.Status.FAILED);

    order("ord-recharge-credited", MARIE, ProductType.WALLET_RECHARGE, "Recharge du portefeuille 100 EUR",
        10000, ago(days(6)), null, ServiceStatus.RENDERED);
    payment("pay-recharge-credited", "ord-recharge-credited", 10000, ago(days(6)), Payment.Status.CAPTURED);
    walletEntry("wal-marie-recharge", MARIE, "ord-recharge-credited", 10000, WalletEntry.Kind.RECHARGE);

    order("ord-wallet-purchase", MARIE, ProductType.DIGITAL, "Pack d'icônes, payé avec le portefeuille",
        2500, ago(days(4)), today().minusDays(4), ServiceStatus.INITIATED);
    walletEntry("wal-marie-purchase", MARIE, "ord-wallet-purchase", 2500, WalletEntry.Kind.PURCHASE);

    order("ord-recharge-james-credited", JAMES, ProductType.WALLET_RECHARGE, "Wallet recharge 30 EUR",
        3000, ago(days(9)), null, ServiceStatus.RENDERED);
    payment("pay-recharge-james-credited", "ord-recharge-james-credited", 3000, ago(days(9)), Payment.Status.CAPTURED);
    walletEntry("wal-james-recharge", JAMES, "ord-recharge-james-credited", 3000, WalletEntry.Kind.RECHARGE);
    walletEntry("wal-james-adjustment", JAMES, null, -500, WalletEntry.Kind.ADJUSTMENT);
  }

  private void order(String id, Customer customer, ProductType type, String description, long amount,
      Instant orderedAt, LocalDate serviceDate, ServiceStatus status) {
    seed("order " + id, () -> orders.findOrder(id).isPresent(), () -> orders.record(
        new Order(id, customer, type, description, amount, EUR, orderedAt, serviceDate, status)));
  }

  private void payment(String id, String orderId, long amount, Instant capturedAt, Payment.Status status) {
    seed("payment " + id, () -> payments.findPayment(id).isPresent(), () -> payments.record(
        new Payment(id, orderId, "pi_demo_" + id.replace('-', '_'), amount, EUR, capturedAt, status)));
  }

  private void subscription(String id, Customer customer, String orderId, String plan, long amount,
      Instant cycleStart, Instant cycleEnd, String lastPaymentId) {
    seed("subscription " + id, () -> subscriptions.findSubscription(id).isPresent(),
        () -> subscriptions.record(new SubscriptionRequest(id, customer.id(), orderId, plan, amount,
            EUR, cycleStart, cycleEnd, lastPaymentId, Subscription.Status.ACTIVE)));
  }

  private void walletEntry(String id, Customer customer, String orderId, long amount, WalletEntry.Kind kind) {
    seed("wallet entry " + id, () -> wallets.findEntry(id).isPresent(), () -> wallets.append(
        customer.id(), new WalletEntryRequest(id, orderId, amount, EUR, kind), WalletEntry.Source.SHOP));
  }

  /** Creates a record unless it exists; a failure is logged and never stops the start. */
  private void seed(String what, BooleanSupplier exists, Runnable create) {
    try {
      if (!exists.getAsBoolean()) {
        create.run();
        created++;
      }
    } catch (RuntimeException e) {
      failed++;
      log.warn("Demo merchant data: could not create {}: {}", what, e.getMessage());
    }
  }

  private Instant ago(Duration duration) {
    return now.minus(duration);
  }

  private static Duration days(int days) {
    return Duration.ofDays(days);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }
}
