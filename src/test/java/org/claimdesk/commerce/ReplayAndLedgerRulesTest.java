package org.claimdesk.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.claimdesk.web.FieldProblem;
import org.junit.jupiter.api.Test;

/** The plain rules behind idempotent replays and the wallet ledger. */
class ReplayAndLedgerRulesTest {

  private static final Instant T = Instant.parse("2025-05-01T10:00:00Z");

  private static final Order ORDER = RecordValidationTest.order(RecordValidationTest.customer(), 1000L, "EUR");

  @Test
  void anIdenticalOrderReplaysTheStoredOne() {
    Order again = RecordValidationTest.order(RecordValidationTest.customer(), 1000L, "EUR");
    assertThat(OrderService.replay(ORDER, again)).isSameAs(ORDER);
  }

  @Test
  void anOrderWithOtherContentIsAConflictOnId() {
    Order changed = RecordValidationTest.order(RecordValidationTest.customer(), 1001L, "EUR");
    assertThatThrownBy(() -> OrderService.replay(ORDER, changed))
        .isInstanceOfSatisfying(RecordConflictException.class, e -> assertThat(e.fieldProblems())
            .extracting(FieldProblem::field).containsExactly("id"));
  }

  @Test
  void anOrderThatDiffersOnlyInCustomerDetailsIsAConflictOnCustomer() {
    Customer renamed = new Customer("cus-1", "Ada King", "ada@example.com", Customer.Language.EN);
    Order changed = RecordValidationTest.order(renamed, 1000L, "EUR");
    assertThatThrownBy(() -> OrderService.replay(ORDER, changed))
        .isInstanceOfSatisfying(RecordConflictException.class, e -> {
          assertThat(e.fieldProblems()).extracting(FieldProblem::field).containsExactly("customer");
          assertThat(e.getBody().getDetail()).contains("cannot be changed through an order");
        });
  }

  @Test
  void timesAreComparedAtTheDatabasesMicrosecondPrecision() {
    Order nanos = new Order("ord-1", RecordValidationTest.customer(), Order.ProductType.SERVICE,
        "Consulting", 1000L, "EUR", Instant.parse("2025-05-01T10:00:00.123456789Z"), null,
        Order.ServiceStatus.BOOKED);
    assertThat(nanos.withTimesTruncated().orderedAt()).isEqualTo(Instant.parse("2025-05-01T10:00:00.123456Z"));
  }

  @Test
  void aPurchaseDebitsAndARechargeCredits() {
    assertThat(WalletEntry.Kind.PURCHASE.balanceChange(500)).isEqualTo(-500);
    assertThat(WalletEntry.Kind.RECHARGE.balanceChange(500)).isEqualTo(500);
    assertThat(WalletEntry.Kind.ADJUSTMENT.balanceChange(-300)).isEqualTo(-300);
  }

  @Test
  void rechargeAndPurchaseNeedAPositiveAmountAndAnOrder() {
    assertThat(fields(WalletLedger.kindProblems(entry(null, -100L, WalletEntry.Kind.PURCHASE))))
        .containsExactlyInAnyOrder("amount", "orderId");
    assertThat(fields(WalletLedger.kindProblems(entry("ord-1", 0L, WalletEntry.Kind.RECHARGE))))
        .containsExactly("amount");
    assertThat(WalletLedger.kindProblems(entry("ord-1", 100L, WalletEntry.Kind.RECHARGE))).isEmpty();
  }

  @Test
  void anAdjustmentIsSignedButNotZero() {
    assertThat(WalletLedger.kindProblems(entry(null, -100L, WalletEntry.Kind.ADJUSTMENT))).isEmpty();
    assertThat(fields(WalletLedger.kindProblems(entry(null, 0L, WalletEntry.Kind.ADJUSTMENT))))
        .containsExactly("amount");
  }

  @Test
  void aRechargeMustNameAWalletRechargeOrderOfTheSameCustomerInItsCurrency() {
    WalletEntry recharge = stored("wal-1", "cus-2", "ord-1", WalletEntry.Kind.RECHARGE, 1000, "USD");
    assertThat(WalletLedger.orderProblems(recharge, ORDER))
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("orderId", "orderId", "currency");
  }

  @Test
  void aReplayedEntryAnswersTheStoredOneWhateverTheTime() {
    WalletEntry first = stored("wal-1", "cus-1", "ord-1", WalletEntry.Kind.RECHARGE, 1000, "EUR");
    WalletEntry later = new WalletEntry("wal-1", "cus-1", "ord-1", WalletEntry.Kind.RECHARGE, 1000,
        "EUR", WalletEntry.Source.SHOP, T.plusSeconds(60));
    assertThat(WalletLedger.replay(first, later)).isSameAs(first);

    WalletEntry otherAmount = new WalletEntry("wal-1", "cus-1", "ord-1", WalletEntry.Kind.RECHARGE,
        999, "EUR", WalletEntry.Source.SHOP, T);
    assertThatThrownBy(() -> WalletLedger.replay(first, otherAmount))
        .isInstanceOfSatisfying(RecordConflictException.class, e -> assertThat(e.fieldProblems())
            .extracting(FieldProblem::field).containsExactly("id"));
  }

  private static WalletEntryRequest entry(String orderId, Long amount, WalletEntry.Kind kind) {
    return new WalletEntryRequest("wal-1", orderId, amount, "EUR", kind);
  }

  private static WalletEntry stored(String id, String customerId, String orderId,
      WalletEntry.Kind kind, long amount, String currency) {
    return new WalletEntry(id, customerId, orderId, kind, amount, currency, WalletEntry.Source.SHOP, T);
  }

  private static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }
}
