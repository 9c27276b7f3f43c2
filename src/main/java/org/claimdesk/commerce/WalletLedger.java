package org.claimdesk.commerce;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.claimdesk.jdbc.DbTimes;
import org.claimdesk.web.FieldProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' wallets as an append-only ledger. The balance is the sum of the entries; nothing
 * is ever updated or deleted.
 *
 * <p>Exactly-once guarantees, also across retries, crashes and several nodes: an entry id is
 * stored once (the same entry again returns the stored one; other content is a conflict),
 * and a recharge order is credited by at most one RECHARGE entry, whoever posts it (a unique
 * key in the database). Writers of one customer's wallet take turns on a lock of the customer
 * row, so concurrent debits cannot take the balance below zero.
 *
 * <p>A process that credits a wallet should use an entry id derived from what it credits
 * (e.g. {@code "claimdesk-recharge-" + orderId}), never a random one, so a retried job
 * replays its own credit; {@link #findRechargeCredit(String)} tells whether a recharge order
 * is credited already.
 */
@Service
public class WalletLedger {

  private final ApplicationEventPublisher events;
  private final RecordValidator validator;
  private final CustomerRepository customers;
  private final OrderRepository orders;
  private final WalletEntryRepository entries;
  private final IdempotentInserts inserts;
  private final Clock clock;

  WalletLedger(ApplicationEventPublisher events, RecordValidator validator, CustomerRepository customers,
      OrderRepository orders,
      WalletEntryRepository entries, IdempotentInserts inserts, Clock clock) {
    this.events = events;
    this.validator = validator;
    this.customers = customers;
    this.orders = orders;
    this.entries = entries;
    this.inserts = inserts;
    this.clock = clock;
  }

  /**
   * Appends an entry to a customer's wallet, or returns the stored entry when exactly this
   * entry was appended before.
   *
   * @throws InvalidRecordException 400, a field is missing or invalid (see {@link #problems})
   * @throws RecordConflictException 409, the entry id is stored with other content
   * @throws RechargeAlreadyCreditedException 409, the recharge order is credited by another entry
   * @throws UnprocessableRecordException 422, unknown customer or order, an order that does not
   *     fit, a currency other than the order's or the wallet's, or a balance that would go below zero
   */
  @Transactional
  public WalletEntry append(String customerId, WalletEntryRequest entry, WalletEntry.Source source) {
    List<FieldProblem> invalid = problems(customerId, entry);
    RecordValidator.rejectIfAny(invalid);
    if (!customers.lock(customerId)) {
      throw new UnprocessableRecordException("customerId", "no customer with this id");
    }
    WalletEntry requested = new WalletEntry(entry.id(), customerId, entry.orderId(), entry.kind(),
        entry.amount(), entry.currency(), source, DbTimes.truncate(clock.instant()));
    Optional<WalletEntry> stored = entries.find(requested.id());
    if (stored.isPresent()) {
      return replay(stored.get(), requested);
    }
    rejectUnfitting(requested);
    if (!inserts.insertUnlessDuplicate(() -> entries.insert(requested))) {
      // Another writer took the entry id (possibly for another customer's wallet) or credited
      // the recharge order in the meantime.
      Optional<WalletEntry> raced = entries.find(requested.id());
      if (raced.isPresent()) {
        return replay(raced.get(), requested);
      }
      throw new RechargeAlreadyCreditedException(
          entries.findByRechargeOrder(requested.orderId()).orElseThrow());
    }
    WalletEntry appended = entries.find(requested.id()).orElseThrow();
    if (appended.kind() == WalletEntry.Kind.RECHARGE) {
      events.publishEvent(new RechargeCredited(appended.orderId(), customerId, appended.id(), source));
    }
    return appended;
  }

  /** The customer's wallet with all its entries, oldest first; empty for an unknown customer. */
  @Transactional(readOnly = true)
  public Optional<Wallet> findWallet(String customerId) {
    if (customers.find(customerId).isEmpty()) {
      return Optional.empty();
    }
    List<WalletEntry> all = entries.findByCustomer(customerId);
    long balance = 0;
    for (WalletEntry e : all) {
      balance = Math.addExact(balance, e.balanceChange());
    }
    String currency = all.isEmpty() ? null : all.get(0).currency();
    return Optional.of(new Wallet(customerId, balance, currency, all));
  }

  /** The customer's balance; empty while the wallet has no entry (and so no currency). */
  @Transactional(readOnly = true)
  public Optional<Money> balanceOf(String customerId) {
    return entries.currencyOf(customerId)
        .map(currency -> Money.of(entries.balanceOf(customerId), currency));
  }

  @Transactional(readOnly = true)
  public Optional<WalletEntry> findEntry(String id) {
    return entries.find(id);
  }

  /** The RECHARGE entry that credited this recharge order, if it has been credited. */
  @Transactional(readOnly = true)
  public Optional<WalletEntry> findRechargeCredit(String rechargeOrderId) {
    return entries.findByRechargeOrder(rechargeOrderId);
  }

  /**
   * The field problems of an entry that need no database: Bean Validation, plus RECHARGE and
   * PURCHASE amounts positive and naming their order, ADJUSTMENT non-zero.
   */
  List<FieldProblem> problems(String customerId, WalletEntryRequest entry) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!ShopId.Rule.matches(customerId)) {
      problems.add(new FieldProblem("customerId", "must be a customer id"));
    }
    problems.addAll(validator.problems(entry));
    if (entry != null && entry.kind() != null) {
      problems.addAll(kindProblems(entry));
    }
    return problems;
  }

  static List<FieldProblem> kindProblems(WalletEntryRequest entry) {
    List<FieldProblem> problems = new ArrayList<>();
    String kind = entry.kind().name();
    if (entry.kind() == WalletEntry.Kind.ADJUSTMENT) {
      if (entry.amount() != null && entry.amount() == 0) {
        problems.add(new FieldProblem("amount", "must not be 0 for an ADJUSTMENT"));
      }
      return problems;
    }
    if (entry.amount() != null && entry.amount() <= 0) {
      problems.add(new FieldProblem("amount", "must be greater than 0 for a " + kind));
    }
    if (entry.orderId() == null) {
      problems.add(new FieldProblem("orderId", "is required for a " + kind));
    }
    return problems;
  }

  private void rejectUnfitting(WalletEntry e) {
    List<FieldProblem> problems = new ArrayList<>();
    if (e.orderId() != null) {
      Optional<Order> order = orders.find(e.orderId());
      if (order.isEmpty()) {
        problems.add(new FieldProblem("orderId", "no order with this id"));
      } else {
        problems.addAll(orderProblems(e, order.get()));
      }
    }
    if (e.kind() == WalletEntry.Kind.RECHARGE && problems.isEmpty()) {
      Optional<WalletEntry> credit = entries.findByRechargeOrder(e.orderId());
      if (credit.isPresent()) {
        throw new RechargeAlreadyCreditedException(credit.get());
      }
    }
    Optional<String> walletCurrency = entries.currencyOf(e.customerId());
    if (walletCurrency.isPresent() && !walletCurrency.get().equals(e.currency())) {
      problems.add(new FieldProblem("currency", "must be the wallet's currency, " + walletCurrency.get()));
    }
    if (problems.isEmpty() && e.balanceChange() < 0) {
      long balance = entries.balanceOf(e.customerId());
      if (balance + e.balanceChange() < 0) {
        problems.add(new FieldProblem("amount", "exceeds the wallet balance of "
            + Money.of(balance, e.currency())));
      }
    }
    if (!problems.isEmpty()) {
      throw new UnprocessableRecordException(problems);
    }
  }

  static List<FieldProblem> orderProblems(WalletEntry e, Order order) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!order.customer().id().equals(e.customerId())) {
      problems.add(new FieldProblem("orderId", "the order belongs to another customer"));
    }
    boolean rechargeOrder = order.productType() == Order.ProductType.WALLET_RECHARGE;
    if (e.kind() == WalletEntry.Kind.RECHARGE && !rechargeOrder) {
      problems.add(new FieldProblem("orderId", "a RECHARGE must name a WALLET_RECHARGE order"));
    }
    if (e.kind() == WalletEntry.Kind.PURCHASE && rechargeOrder) {
      problems.add(new FieldProblem("orderId", "a wallet recharge cannot be paid from the wallet"));
    }
    if (!order.currency().equals(e.currency())) {
      problems.add(new FieldProblem("currency", "must be the order's currency, " + order.currency()));
    }
    return problems;
  }

  /** The same entry again answers the stored entry; other content is a conflict. */
  static WalletEntry replay(WalletEntry stored, WalletEntry requested) {
    WalletEntry storedContent = new WalletEntry(stored.id(), stored.customerId(), stored.orderId(),
        stored.kind(), stored.amount(), stored.currency(), stored.source(), requested.createdAt());
    if (storedContent.equals(requested)) {
      return stored;
    }
    throw new RecordConflictException("Wallet entry '" + requested.id() + "' is already recorded"
        + " with different content; a ledger entry cannot be changed.",
        new FieldProblem("id", "a wallet entry with this id is already recorded with different content"));
  }
}
