package org.claimdesk.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.claimdesk.commerce.Money;
import org.claimdesk.payment.PayoutReceipt;
import org.claimdesk.payment.Payouts;

/**
 * Payouts keyed like the real ones ({@code case:step}, the first receipt wins), with a switch to
 * fail the next calls as a processor outage would.
 */
public class FakePayouts implements Payouts {

  public record Payout(String key, String kind, String target, Money amount) {
  }

  public final Map<String, Payout> payouts = new LinkedHashMap<>();
  public final List<String> calls = new ArrayList<>();
  public int failuresToThrow;

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
