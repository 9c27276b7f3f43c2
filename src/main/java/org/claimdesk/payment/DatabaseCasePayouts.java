package org.claimdesk.payment;

import java.util.Optional;

import org.claimdesk.commerce.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link CasePayouts} on the merchant records, the case table and the payout table. */
@Service
class DatabaseCasePayouts implements CasePayouts {

  private final Payouts payouts;
  private final JdbcClient jdbc;

  DatabaseCasePayouts(Payouts payouts, JdbcClient jdbc) {
    this.payouts = payouts;
    this.jdbc = jdbc;
  }

  @Override
  public PayoutReceipt refund(String caseReference, String step, String paymentId, Money amount) {
    PayoutKey key = new PayoutKey(caseReference, step);
    Limit limit = limitExcluding(caseReference, key);
    String owner = jdbc.sql("""
            select o.customer_id from claimdesk.payment p join claimdesk.shop_order o on o.id = p.order_id
            where p.id = :payment""")
        .param("payment", paymentId).query(String.class).optional()
        .orElseThrow(() -> new PayoutRefusedException(key, "no payment " + paymentId));
    if (!owner.equals(limit.customerId())) {
      throw new PayoutRefusedException(key, "payment " + paymentId + " is not a payment of the case's customer");
    }
    requireWithin(key, limit, amount);
    long refundedOfPayment = jdbc.sql("""
            select coalesce(sum(amount), 0) from claimdesk.payout
            where payment_id = :payment and kind = 'REFUND' and status <> 'FAILED' and idempotency_key <> :key""")
        .param("payment", paymentId).param("key", key.value()).query(Long.class).single();
    long paymentAmount = jdbc.sql("select amount from claimdesk.payment where id = :payment")
        .param("payment", paymentId).query(Long.class).single();
    if (refundedOfPayment + amount.amount() > paymentAmount) {
      throw new PayoutRefusedException(key, "a refund of " + amount + " exceeds what is left of payment "
          + paymentId + " (" + new Money(paymentAmount - refundedOfPayment, amount.currency()) + ")");
    }
    return payouts.refundPayment(caseReference, step, paymentId, amount);
  }

  @Override
  public PayoutReceipt credit(String caseReference, String step, Money amount) {
    PayoutKey key = new PayoutKey(caseReference, step);
    Limit limit = limitExcluding(caseReference, key);
    requireWithin(key, limit, amount);
    return payouts.creditWallet(caseReference, step, limit.customerId(), amount);
  }

  @Override
  public Limit limit(String caseReference) {
    return limitExcluding(caseReference, null);
  }

  private static void requireWithin(PayoutKey key, Limit limit, Money amount) {
    if (!amount.hasSameCurrency(limit.worth())) {
      throw new PayoutRefusedException(key, "a payout in " + amount.currencyCode() + " on a subject in "
          + limit.worth().currencyCode());
    }
    if (amount.isGreaterThan(limit.remaining())) {
      throw new PayoutRefusedException(key, amount + " exceeds what is left to pay out on the case's subject ("
          + limit.remaining() + " of " + limit.worth() + ")");
    }
  }

  private Limit limitExcluding(String caseReference, PayoutKey key) {
    Optional<Subject> subject = jdbc.sql("""
            select c.customer_id, c.type, c.subject_id,
              case c.type
                when 'SUBSCRIPTION_CANCELLATION' then (select p.amount from claimdesk.subscription s
                    join claimdesk.payment p on p.id = s.last_payment_id where s.id = c.subject_id)
                when 'PAYMENT_DISCREPANCY' then (select p.amount from claimdesk.payment p where p.id = c.subject_id)
                else (select o.amount from claimdesk.shop_order o where o.id = c.subject_id) end as worth,
              case c.type
                when 'SUBSCRIPTION_CANCELLATION' then (select p.currency from claimdesk.subscription s
                    join claimdesk.payment p on p.id = s.last_payment_id where s.id = c.subject_id)
                when 'PAYMENT_DISCREPANCY' then (select p.currency from claimdesk.payment p where p.id = c.subject_id)
                else (select o.currency from claimdesk.shop_order o where o.id = c.subject_id) end as currency
            from claimdesk.claim_case c where c.reference = :reference""")
        .param("reference", caseReference)
        .query((rs, row) -> new Subject(rs.getString("customer_id"), rs.getString("type"), rs.getString("subject_id"),
            rs.getObject("worth") == null ? null : Money.of(rs.getLong("worth"), rs.getString("currency"))))
        .optional();
    Subject known = subject.filter(s -> s.worth() != null).orElseThrow(() ->
        new PayoutRefusedException(key, "no case " + caseReference + " with a known subject"));
    long paid = jdbc.sql("""
            select coalesce(sum(p.amount), 0) from claimdesk.payout p
            join claimdesk.claim_case c on c.reference = p.case_reference
            where c.type = :type and c.subject_id = :subject and p.status <> 'FAILED' and p.idempotency_key <> :key""")
        .param("type", known.type()).param("subject", known.subjectId())
        .param("key", key == null ? "" : key.value())
        .query(Long.class).single();
    return new Limit(known.customerId(), known.worth(), new Money(paid, known.worth().currency()));
  }

  private record Subject(String customerId, String type, String subjectId, Money worth) {
  }
}
