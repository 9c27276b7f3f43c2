package org.claimdesk.wallet;

import static org.claimdesk.wallet.WalletVariables.*;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.claimdesk.cases.CaseChange;
import org.claimdesk.cases.CaseOutcome;
import org.claimdesk.cases.CaseRecord;
import org.claimdesk.cases.CaseService;
import org.claimdesk.cases.CaseStatus;
import org.claimdesk.cases.ServiceLevels;
import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.OrderService;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.commerce.RechargeAlreadyCreditedException;
import org.claimdesk.commerce.WalletEntry;
import org.claimdesk.commerce.WalletEntryRequest;
import org.claimdesk.commerce.WalletLedger;
import org.claimdesk.engine.InvalidFormInputException;
import org.claimdesk.notification.CustomerMessage;
import org.claimdesk.notification.CustomerNotifier;
import org.claimdesk.payment.PaymentProcessor;
import org.claimdesk.payment.ProcessorCharge;
import org.claimdesk.sla.FirstReplySteps;
import org.springframework.stereotype.Component;

/**
 * Every step of {@code wallet-recharge-issue} (WR-2), bean {@code walletTasks}: waiting the 72
 * hours ourselves, checking the charge with the processor, and crediting the wallet exactly once:
 * a RECHARGE ledger entry carries the recharge order, whose unique key in the ledger makes a second
 * credit impossible, whoever (the shop or Claimdesk, now or on a retry) tries.
 *
 * <p>A step that only passes variables on is a method the diagram calls
 * ({@code ${walletTasks.confirmArrived(caseReference, amount, currency)}}); a step that reads the
 * business key, sets several variables or reads its task is a typed delegate this bean hands out
 * ({@code camunda:delegateExpression="${walletTasks.creditWallet}"}). Each member a model names is
 * on {@code ExpressionAllowList}.
 */
@Component
public class WalletTasks {

  /** The findings the investigation form offers. */
  static final List<String> FINDINGS = List.of("CREDIT", "NOT_PAID", "ALREADY_CREDITED");

  /** What the automatic check found: CREDIT, NOT_PAID or UNCLEAR, and why it could not decide. */
  record ChargeCheck(String outcome, String unclearReason) {
  }

  private final CaseService cases;
  private final CustomerNotifier customer;
  private final PaymentProcessor processor;
  private final WalletLedger ledger;
  private final OrderService orders;
  private final PaymentService payments;
  private final ServiceLevels serviceLevels;
  private final Clock clock;

  public WalletTasks(CaseService cases, CustomerNotifier customer, PaymentProcessor processor, WalletLedger ledger,
      OrderService orders, PaymentService payments, ServiceLevels serviceLevels, Clock clock) {
    this.cases = cases;
    this.customer = customer;
    this.processor = processor;
    this.ledger = ledger;
    this.orders = orders;
    this.payments = payments;
    this.serviceLevels = serviceLevels;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ Task_LoadRecharge

  /** Task_LoadRecharge: the recharge's facts, the 72-hour mark (WR-2), and whether it is credited. */
  public JavaDelegate getLoadFacts() {
    return execution -> {
      WalletVariables v = WalletVariables.of(execution);
      RechargeFacts facts = facts(v.string(ORDER_ID), v.string(PAYER_NAME));
      v.set(CUSTOMER_ID, facts.customerId());
      v.set(CUSTOMER_NAME, facts.customerName());
      v.set(AMOUNT, facts.amount());
      v.set(CURRENCY, facts.currency());
      v.set(PROCESSOR_REFERENCE, facts.processorReference());
      v.set(CHECK_AT, Date.from(facts.checkAt()));
      v.set(ALREADY_CREDITED, facts.alreadyCredited());
      v.set(BEFORE_CHECK, clock.instant().isBefore(facts.checkAt()));
      v.set(PAYER_NAME_MATCHES, facts.payerNameMatches());
      v.set(ORDER_SUMMARY, facts.summary());
    };
  }

  /** A recharge order's facts: its payment, the 72-hour mark (WR-2), whether it is credited. */
  RechargeFacts facts(String orderId, String payerName) {
    Order order = orders.findOrder(orderId)
        .orElseThrow(() -> new IllegalStateException("Order " + orderId + " of a wallet case does not exist"));
    Payment payment = payments.paymentsOfOrder(orderId).stream()
        .max(Comparator.comparing((Payment p) -> p.status() == Payment.Status.CAPTURED)
            .thenComparing(Payment::capturedAt))
        .orElse(null);
    Instant paidAt = payment == null ? order.orderedAt() : payment.capturedAt();
    String summary = order.id() + " · wallet recharge of " + order.money() + " · "
        + (payment == null ? "no payment recorded" : "payment " + payment.id() + " " + payment.status()
            + " at " + paidAt + " (processor reference " + payment.processorReference() + ")");
    return new RechargeFacts(order.customer().id(), order.customer().name(), order.amount(), order.currency(),
        payment == null ? null : payment.processorReference(), serviceLevels.rechargeCheckAt(paidAt),
        ledger.findRechargeCredit(orderId).isPresent(), sameName(payerName, order.customer().name()), summary);
  }

  /** Names compared as people write them: case, accents and spacing aside. */
  static boolean sameName(String a, String b) {
    return a != null && b != null && normalize(a).equals(normalize(b));
  }

  private static String normalize(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  // ------------------------------------------------------------------ the 72 hours and the check

  /** Task_TellCustomerToWait, WR-2 before 72 hours: we check ourselves at {@code checkAt}; the customer need not write again. */
  public void tellCustomerToWait(String reference, long amount, String currency, Date checkAt) {
    cases.change(reference, CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(checkAt.toInstant()));
    customer.send(reference, CustomerMessage.RECHARGE_WAIT,
        Map.of("amount", money(amount, currency), "checkAt", checkAt.toInstant()));
  }

  /** Task_CheckCharge (async, retried): the processor's record of the charge decides: credit, nothing paid, or a person looks. */
  public JavaDelegate getCheckCharge() {
    return execution -> {
      WalletVariables v = WalletVariables.of(execution);
      ChargeCheck check = checkCharge(v.string(PROCESSOR_REFERENCE), v.amount(), v.flag(PAYER_NAME_MATCHES),
          v.string(PAYER_NAME), v.string(CUSTOMER_NAME));
      v.set(CHARGE_OUTCOME, check.outcome());
      v.set(UNCLEAR_REASON, check.unclearReason());
    };
  }

  /** Captured and in the amount paid, by the reported payer: credit; failed: nothing to credit; else a person looks. */
  ChargeCheck checkCharge(String processorReference, Money amount, boolean payerNameMatches, String payerName,
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

  // ------------------------------------------------------------------ the investigation (SL-1)

  /** Task_InvestigateRecharge, on create: in review, a reply due by the task's due date (SL-1). */
  public TaskListener getInvestigationOpened() {
    return task -> {
      WalletVariables v = WalletVariables.of(task);
      Instant replyDueBy = task.getDueDate().toInstant();
      cases.change(v.caseReference(), CaseChange.to(CaseStatus.IN_REVIEW).replyDueBy(replyDueBy));
      v.set(REPLY_DUE_TEXT, FirstReplySteps.staffTime(replyDueBy));
    };
  }

  /** The rules of form {@code investigate-recharge}, on complete: a finding and a reply to the customer. */
  public TaskListener getInvestigationFindingRules() {
    return task -> {
      WalletVariables v = WalletVariables.of(task);
      if (!FINDINGS.contains(v.string(FINDING))) {
        throw new InvalidFormInputException("Choose the finding (one of " + String.join(", ", FINDINGS) + ").");
      }
      String message = v.string(REPLY_MESSAGE);
      if (message == null || message.isBlank() || message.length() > 4000) {
        throw new InvalidFormInputException("Write your reply to the customer (at most 4000 characters).");
      }
    };
  }

  // ------------------------------------------------------------------ the credit and the answers

  /**
   * Task_CreditWallet (async, retried): the recharge is credited once, under an entry id derived from
   * the case; {@code creditedByShop} when the shop's credit of that recharge was there first (then
   * nothing more is credited). The case is the business key.
   */
  public JavaDelegate getCreditWallet() {
    return execution -> WalletVariables.of(execution).set(CREDITED_BY_SHOP, !credit(execution.getProcessBusinessKey()));
  }

  /**
   * Credits the recharge the case is about to the case's customer: the order and its amount from the
   * merchant's records, the customer from the case record, never from process variables.
   */
  boolean credit(String reference) {
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

  /** Task_ConfirmCredit: we credited the wallet, or the shop had just done it. */
  public void confirmCredit(String reference, boolean creditedByShop, long amount, String currency) {
    if (creditedByShop) {
      confirmArrived(reference, amount, currency);
      return;
    }
    cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.CREDITED, "WR-2"));
    customer.send(reference, CustomerMessage.RECHARGE_CREDITED, Map.of("amount", money(amount, currency)));
  }

  /** Task_ConfirmArrived: the recharge reached the wallet without us; the case closes by itself and says so. */
  public void confirmArrived(String reference, long amount, String currency) {
    cases.change(reference, CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.NO_FAULT_FOUND, "WR-2"));
    customer.send(reference, CustomerMessage.RECHARGE_ARRIVED, Map.of("amount", money(amount, currency)));
  }

  /**
   * Task_TellNotPaid: the payment never completed, nothing was taken, nothing to credit; with
   * finance's words when they investigated (a delegate: without an investigation there is no
   * {@code replyMessage} to pass).
   */
  public JavaDelegate getTellNotPaid() {
    return execution -> {
      WalletVariables v = WalletVariables.of(execution);
      String agentMessage = v.string(REPLY_MESSAGE);
      cases.change(v.caseReference(), CaseChange.decided(CaseStatus.RESOLVED, CaseOutcome.NO_FAULT_FOUND, "WR-2"));
      Map<String, Object> parameters = new HashMap<>();
      if (agentMessage != null && !agentMessage.isBlank()) {
        parameters.put("agentMessage", agentMessage.strip());
      }
      customer.send(v.caseReference(), CustomerMessage.RECHARGE_NOT_PAID, parameters);
    };
  }

  private static Money money(long amount, String currency) {
    return new Money(amount, Money.currency(currency));
  }
}
