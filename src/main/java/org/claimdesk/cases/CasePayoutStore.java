package org.claimdesk.cases;

import java.sql.Types;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.claimdesk.commerce.Money;
import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table {@code case_payout_decision}: the money a case decided to move, under a key per
 * decision ({@code refund}, {@code round-2}). The payout step pays what it reads back here, never
 * an amount from a process variable (docs/security.md).
 */
@Repository
@Transactional(propagation = Propagation.REQUIRED)
public class CasePayoutStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  CasePayoutStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** See {@link CaseService#decidePayout}. */
  public void decide(String reference, String decision, PayoutDecision payout) {
    Objects.requireNonNull(decision, "decision");
    jdbc.sql("delete from claimdesk.case_payout_decision where case_reference = :reference and decision = :decision")
        .param("reference", reference)
        .param("decision", decision)
        .update();
    if (payout == null) {
      return;
    }
    jdbc.sql("""
            insert into claimdesk.case_payout_decision (case_reference, decision, payment_id, amount, currency,
                decided_at)
            values (:reference, :decision, :paymentId, :amount, :currency, :now)""")
        .param("reference", reference)
        .param("decision", decision)
        .param("paymentId", payout.paymentId(), Types.VARCHAR)
        .param("amount", payout.amount().amount())
        .param("currency", payout.amount().currencyCode())
        .param("now", DbTimes.toDb(clock.instant()))
        .update();
  }

  /** See {@link CaseService#decidedPayout}. */
  public Optional<PayoutDecision> decided(String reference, String decision) {
    return jdbc.sql("""
            select payment_id, amount, currency from claimdesk.case_payout_decision
            where case_reference = :reference and decision = :decision""")
        .param("reference", reference)
        .param("decision", decision)
        .query((rs, row) -> new PayoutDecision(rs.getString("payment_id"),
            Money.of(rs.getLong("amount"), rs.getString("currency").strip())))
        .optional();
  }
}
