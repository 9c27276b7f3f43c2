package org.claimdesk.wallet;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.claimdesk.cases.CaseChange;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.RechargeAlreadyCreditedException;
import org.claimdesk.commerce.WalletEntry;
import org.claimdesk.commerce.WalletEntryRequest;
import org.claimdesk.commerce.WalletLedger;
import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.notification.CustomerNotifier;
import org.claimdesk.payment.PaymentProcessor;
import org.claimdesk.payment.ProcessorCharge;
import org.springframework.stereotype.Service;

/**
 * The missing-recharge case's steps (WR-2): waiting the 72 hours ourselves, checking the charge
 * with the processor, and crediting the wallet exactly once: a RECHARGE ledger entry carries the
 * recharge order, whose unique key in the ledger makes a second credit impossible, whoever
 * (the shop or Claimdesk, now or on a retry) tries.
 */
@Service
public class WalletSteps {

  /** What the automatic check found. */
  public record ChargeCheck(String outcome, String unclearReason) {
  }

  private final CaseService cases;
  private final CustomerNotifier customer;
  private final PaymentProcessor processor;
  private final WalletLedger ledger;
  private final OrderService orders;

  public WalletSteps(CaseService cases, CustomerNotifier customer, PaymentProcessor processor, WalletLedger ledger,
      OrderService orders) {
    this.orders = orders;
    this.cases = cases;
    this.customer = customer;
    this.processor = processor;
    this.ledger = ledger;
  }

  /** WR-2, before 72 hours: we check ourselves at {@code checkAt}; the customer need not write again. */
  public void tellCustomerToWait(String reference, Money amount, Instant checkAt) {
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(checkAt));
    customer.send(reference, CustomerMessage.RECHARGE_WAIT, Map.of("amount", amount, "checkAt", checkAt));
  }

  /** Captured and in the amount paid, by the reported payer: credit; failed: nothing to credit; else a person looks. */
  public ChargeCheck checkCharge(String processorReference, Money amount, boolean payerNameMatches, String payerName,
      String customerName) {
    if (processorReference == null) {
      return new ChargeCheck("UNCLEAR", "The shop recorded no payment for this recharge.");
    }
    Optional<ProcessorCharge> charge = processor.findCharge(processorReference);
    if (charge.isEmpty()) {
      return new ChargeCheck("UNCLEAR", "The processor does not know the charge " + processorReference + ".");
    }
    ProcessorCharge found = charge.get();
    return switch (found.status()) {
      case FAILED -> new ChargeCheck("NOT_PAID", null);
      case PENDING -> new ChargeCheck("UNCLEAR", "The charge " + processorReference + " is still pending.");
      case CAPTURED -> {
        if (!found.amount().equals(amount)) {
          yield new ChargeCheck("UNCLEAR", "The processor captured " + found.amount() + ", the recharge is " + amount + ".");
        }
        if (!payerNameMatches) {
          yield new ChargeCheck("UNCLEAR", "The payer named in the report, '" + payerName
              + "', is not the customer, '" + customerName + "' (WR-2: check who paid before crediting).");
        }
        yield new ChargeCheck("CREDIT", null);
      }
    };
  }

  /**
   * Credits the recharge once, under an entry id derived from the case; returns false when the
   * shop's credit of that recharge was there first (then nothing more is credited).
   */
  /**
   * Credits the recharge the case is about to the case's customer: the order and its amount from the
   * merchant's records, the customer from the case record, never from process variables.
   */
  public boolean credit(String reference) {
    CaseRecord record = cases.find(reference).orElseThrow(() -> new IllegalStateException("No case " + reference));
    String orderId = record.subjectId();
    Order order = orders.findOrder(orderId).orElseThrow(() ->
        new IllegalStateException("Case " + reference + ": no order " + orderId));
    String customerId = record.customerId();
    if (!order.customer().id().equals(customerId)) {
      throw new IllegalStateException("Case " + reference + ": order " + orderId + " is not the case customer's");
    }
    Money amount = Money.of(order.amount(), order.currency());
    WalletEntryRequest entry = new WalletEntryRequest("claimdesk-" + reference + "-recharge", orderId,
        amount.amount(), amount.currencyCode(), WalletEntry.Kind.RECHARGE);
    try {
      return ledger.append(customerId, entry, WalletEntry.Source.CLAIMDESK).source() == WalletEntry.Source.CLAIMDESK;
    } catch (RechargeAlreadyCreditedException alreadyCredited) {
      return false;
    }
  }

  public void confirmCredited(String reference, Money amount) {
    cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.CREDITED, "WR-2"));
    customer.send(reference, CustomerMessage.RECHARGE_CREDITED, Map.of("amount", amount));
  }

  /** The recharge reached the wallet without us: the case closes by itself and says so. */
  public void confirmArrived(String reference, Money amount) {
    cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.NO_FAULT_FOUND, "WR-2"));
    customer.send(reference, CustomerMessage.RECHARGE_ARRIVED, Map.of("amount", amount));
  }

  /** The payment never completed: nothing was taken, nothing to credit. */
  public void notPaid(String reference, String agentMessage) {
    cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.NO_FAULT_FOUND, "WR-2"));
    Map<String, Object> parameters = new HashMap<>();
    if (agentMessage != null && !agentMessage.isBlank()) {
      parameters.put("agentMessage", agentMessage.strip());
    }
    customer.send(reference, CustomerMessage.RECHARGE_NOT_PAID, parameters);
  }

  /** SL-1: the investigation opened; a reply is owed by its due date. */
  public void investigationOpened(String reference, Instant replyDueBy) {
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(replyDueBy));
  }
}
