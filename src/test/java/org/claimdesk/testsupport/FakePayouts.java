package org.claimdesk.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.claimdesk.commerce.Money;
import org.claimdesk.payment.CasePayouts;
import org.claimdesk.payment.PayoutReceipt;
import org.claimdesk.payment.Payouts;

/**
 * Payouts keyed like the real ones ({@code case:step}, the first receipt wins), with a switch to
 * fail the next calls as a processor outage would. As {@link CasePayouts}, a case's subject is
 * worth {@link #worth} (set by the test) and a credit goes to {@link #caseCustomer}.
 */
public class FakePayouts implements Payouts, CasePayouts {

  public record Payout(String key, String kind, String target, Money amount) {
  }

  public final Map<String, Payout> payouts = new LinkedHashMap<>();
  public final List<String> calls = new ArrayList<>();
  public int failuresToThrow;
  public Money worth;
  public String caseCustomer = "cus-1";

  @Override
  public PayoutReceipt refund(String caseReference, String step, String paymentId, Money amount) {
    return refundPayment(caseReference, step, paymentId, amount);
  }

  @Override
  public PayoutReceipt credit(String caseReference, String step, Money amount) {
    return creditWallet(caseReference, step, caseCustomer, amount);
  }

  @Override
  public Limit limit(String caseReference) {
    if (worth == null) {
      throw new IllegalStateException("FakePayouts.worth is not set");
    }
    Money paid = payouts.values().stream().filter(p -> p.key().startsWith(caseReference + ":")).map(Payout::amount)
        .reduce(Money.zero(worth.currency()), Money::plus);
    return new Limit(caseCustomer, worth, paid);
  }

  @Override
  public PayoutReceipt refundPayment(String caseReference, String step, String paymentId, Money amount) {
    return pay(caseReference + ":" + step, "REFUND", paymentId, amount);
  }

  @Override
  public PayoutReceipt creditWallet(String caseReference, String step, String customerId, Money amount) {
    return pay(caseReference + ":" + step, "WALLET_CREDIT", customerId, amount);
  }

  private PayoutReceipt pay(String key, String kind, String target, Money amount) {
    calls.add(key);
    if (failuresToThrow > 0) {
      failuresToThrow--;
      throw new IllegalStateException("processor unavailable");
    }
    Payout payout = payouts.computeIfAbsent(key, k -> new Payout(k, kind, target, amount));
    return new PayoutReceipt(key, payout.amount(), "re_" + key);
  }
}
