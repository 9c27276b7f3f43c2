package org.claimdesk.discrepancy;

import java.time.Clock;
import java.util.List;

import org.claimdesk.commerce.Money;
import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The automatic checks' findings on a case, table {@code claimdesk.discrepancy_finding} (V7).
 * Every call joins the caller's transaction (the engine's, in a delegate).
 */
@Repository
public class DiscrepancyFindings {

  private final JdbcClient jdbc;
  private final Clock clock;

  DiscrepancyFindings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores the findings of the case's checks, replacing any stored before. */
  public void store(String reference, List<CheckFinding> findings) {
    jdbc.sql("delete from claimdesk.discrepancy_finding where case_reference = :reference")
        .param("reference", reference)
        .update();
    for (CheckFinding finding : findings) {
      Money any = finding.amount() != null ? finding.amount() : finding.otherAmount();
      jdbc.sql("""
              insert into claimdesk.discrepancy_finding (case_reference, code, related_payment_id, amount,
                  other_amount, currency, found_at)
              values (:reference, :code, :related, :amount, :other, :currency, :foundAt)""")
          .param("reference", reference)
          .param("code", finding.code().name())
          .param("related", finding.relatedPaymentId())
          .param("amount", finding.amount() == null ? null : finding.amount().amount())
          .param("other", finding.otherAmount() == null ? null : finding.otherAmount().amount())
          .param("currency", any == null ? null : any.currencyCode())
          .param("foundAt", DbTimes.toDb(DbTimes.truncate(clock.instant())))
          .update();
    }
  }

  /** The case's findings, in the order of {@link CheckFinding.Code}. */
  public List<CheckFinding> of(String reference) {
    return jdbc.sql("""
            select code, related_payment_id, amount, other_amount, currency
            from claimdesk.discrepancy_finding where case_reference = :reference""")
        .param("reference", reference)
        .query((rs, row) -> {
          String currency = rs.getString("currency");
          long amount = rs.getLong("amount");
          boolean hasAmount = !rs.wasNull();
          long other = rs.getLong("other_amount");
          boolean hasOther = !rs.wasNull();
          return new CheckFinding(CheckFinding.Code.valueOf(rs.getString("code")), rs.getString("related_payment_id"),
              hasAmount ? Money.of(amount, currency) : null, hasOther ? Money.of(other, currency) : null);
        })
        .list()
        .stream()
        .sorted((a, b) -> a.code().compareTo(b.code()))
        .toList();
  }
}
