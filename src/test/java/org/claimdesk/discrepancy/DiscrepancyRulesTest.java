package org.claimdesk.discrepancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.claimdesk.commerce.Customer;
import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.Order;
import org.claimdesk.commerce.Payment;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.payment.PaymentProcessor;
import org.claimdesk.payment.ProcessorCharge;
import org.claimdesk.web.ClaimForms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The discrepancy policy in plain units: DMN {@code discrepancyLiability} row by row (PD-3, PD-4,
 * PD-5), the automatic checks (PD-3), and the amounts a finding moves (PD-4).
 */
class DiscrepancyRulesTest {

  static DmnEngine dmn;
  static DmnDecision liability;

  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  static final Money PAID = Money.of(4900, "EUR");
  static final Money ZERO = Money.of(0, "EUR");

  final List<Payment> payments = new ArrayList<>();
  final Map<String, ProcessorCharge> charges = new HashMap<>();
  DiscrepancyChecks checks;
  final Order order = new Order("ord-1", new Customer("cus-1", "Marie Dubois", "marie@example.com",
      Customer.Language.FR), Order.ProductType.SERVICE, "Coaching", 4900L, "EUR", NOW.minus(Duration.ofDays(5)),
      LocalDate.of(2026, 11, 18), Order.ServiceStatus.RENDERED);

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new ClassPathResource("processes/discrepancy-liability.dmn").getInputStream()) {
      liability = dmn.parseDecision("discrepancyLiability", in);
    }
  }

  @BeforeEach
  void wire() {
    PaymentService paymentService = mock(PaymentService.class);
    PaymentProcessor processor = mock(PaymentProcessor.class);
    when(paymentService.paymentsOfOrder("ord-1")).thenAnswer(call -> List.copyOf(payments));
    when(processor.findCharge(anyString())).thenAnswer(call -> Optional.ofNullable(charges.get(
        (String) call.getArgument(0))));
    checks = new DiscrepancyChecks(paymentService, processor, new DiscrepancyProperties(Duration.ofDays(60),
        Duration.ofHours(24), Duration.ofDays(5), Duration.ofDays(10), Duration.ofDays(7), "support@loop.tech"));
  }

  @ParameterizedTest(name = "{0}, preferred {1} -> liable {2}, {3} ({4})")
  @CsvSource({
      "DUPLICATE_CHARGE,               ,                   true,  REFUND,             PD-4",
      "DUPLICATE_CHARGE,               BALANCE_ADJUSTMENT, true,  REFUND,             PD-4",
      "UNAUTHORIZED_MERCHANT_SECURITY, ,                   true,  REFUND,             PD-4",
      "OVERCHARGED,                    ,                   true,  REFUND,             PD-4",
      "OVERCHARGED,                    BALANCE_ADJUSTMENT, true,  BALANCE_ADJUSTMENT, PD-4",
      "MERCHANT_ERROR,                 REFUND,             true,  REFUND,             PD-4",
      "MERCHANT_ERROR,                 BALANCE_ADJUSTMENT, true,  BALANCE_ADJUSTMENT, PD-4",
      "CUSTOMER_ERROR,                 ,                   false, ASSISTANCE,         PD-5",
      "FRAUD_NOT_MERCHANT,             ,                   false, ASSISTANCE,         PD-5",
      "THIRD_PARTY_ISSUE,              ,                   false, ASSISTANCE,         PD-5",
      "NO_DISCREPANCY,                 ,                   false, NONE,               PD-3"})
  void discrepancyLiability(String cause, String preferred, boolean liable, String remedy, String rule) {
    Map<String, Object> input = new HashMap<>();
    input.put("cause", cause);
    input.put("preferredRemedy", preferred);

    DmnDecisionResultEntries result = dmn.evaluateDecision(liability, input).getSingleResult();

    assertThat((Boolean) result.getEntry("merchantLiable")).isEqualTo(liable);
    assertThat((String) result.getEntry("remedy")).isEqualTo(remedy);
    assertThat((String) result.getEntry("ruleId")).isEqualTo(rule);
  }

  @Test
  @DisplayName("Every cause has a row: the DMN never leaves a finding undecided")
  void everyCauseIsDecided() {
    for (Cause cause : Cause.values()) {
      Map<String, Object> input = new HashMap<>();
      input.put("cause", cause.name());
      input.put("preferredRemedy", null);
      assertThat(dmn.evaluateDecision(liability, input).getSingleResult()).as(cause.name()).isNotNull();
    }
  }

  @Test
  @DisplayName("PD-3: two captured payments of one order and amount minutes apart: a duplicate, proved, the later to refund")
  void duplicateIsFoundAndProved() {
    Payment first = captured("pay-1", "ch_1", NOW.minus(Duration.ofHours(30)), 4900);
    captured("pay-2", "ch_2", NOW.minus(Duration.ofHours(30)).plus(Duration.ofMinutes(3)), 4900);

    DiscrepancyChecks.Result result = checks.check(first, order, DiscrepancyKind.DUPLICATE_CHARGE);

    assertThat(result.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(CheckFinding.Code.DUPLICATE_CHARGE);
      assertThat(f.relatedPaymentId()).isEqualTo("pay-2");
    });
    assertThat(result.duplicatePaymentId()).isEqualTo("pay-2");
    assertThat(result.duplicateConfirmed()).isTrue();
    assertThat(checks.check(first, order, DiscrepancyKind.NOT_RECOGNIZED).duplicateConfirmed())
        .as("only a reported duplicate is refunded without a person").isFalse();
  }

  @Test
  @DisplayName("PD-3: the same amount two days apart is no duplicate; a different amount, an unknown charge and refunds are found")
  void otherFindings() {
    Payment reported = captured("pay-1", "ch_1", NOW.minus(Duration.ofDays(3)), 5900);
    captured("pay-2", "ch_2", NOW.minus(Duration.ofDays(1)), 5900);
    charges.put("ch_1", new ProcessorCharge("ch_1", Money.of(5900, "EUR"), ProcessorCharge.Status.CAPTURED,
        Money.of(1000, "EUR")));

    DiscrepancyChecks.Result result = checks.check(reported, order, DiscrepancyKind.AMOUNT_MISMATCH);

    assertThat(result.findings()).extracting(CheckFinding::code).containsExactly(
        CheckFinding.Code.AMOUNT_DIFFERS_FROM_ORDER, CheckFinding.Code.ALREADY_REFUNDED);
    assertThat(result.findings().get(0).otherAmount()).isEqualTo(PAID);
    assertThat(result.duplicatePaymentId()).isNull();

    charges.clear();
    assertThat(checks.check(reported, order, DiscrepancyKind.OTHER).findings()).extracting(CheckFinding::code)
        .contains(CheckFinding.Code.UNKNOWN_TO_PROCESSOR);
  }

  @Test
  @DisplayName("PD-3: a payment matching the order and the processor: nothing found")
  void nothingFound() {
    Payment reported = captured("pay-1", "ch_1", NOW.minus(Duration.ofDays(3)), 4900);

    assertThat(checks.check(reported, order, DiscrepancyKind.NOT_RECOGNIZED).findings())
        .extracting(CheckFinding::code).containsExactly(CheckFinding.Code.NOTHING_FOUND);
  }

  @Test
  @DisplayName("PD-4: what a finding moves: the duplicate in full, the overcharge, what is left after refunds")
  void rectificationAmounts() {
    Money ordered = Money.of(3900, "EUR");
    assertThat(Rectification.forFinding(Cause.DUPLICATE_CHARGE, "pay-1", PAID, PAID, ZERO, null, "pay-2"))
        .contains(new Rectification.Amount(PAID, "pay-2"));
    assertThat(Rectification.forFinding(Cause.OVERCHARGED, "pay-1", PAID, ordered, ZERO, null, null))
        .contains(new Rectification.Amount(Money.of(1000, "EUR"), "pay-1"));
    assertThat(Rectification.forFinding(Cause.UNAUTHORIZED_MERCHANT_SECURITY, "pay-1", PAID, PAID,
        Money.of(900, "EUR"), null, null)).contains(new Rectification.Amount(Money.of(4000, "EUR"), "pay-1"));
    assertThat(Rectification.forFinding(Cause.FRAUD_NOT_MERCHANT, "pay-1", PAID, PAID, ZERO, null, null)).isEmpty();
    assertThatThrownBy(() -> Rectification.forFinding(Cause.MERCHANT_ERROR, "pay-1", PAID, PAID,
        Money.of(900, "EUR"), Money.of(4500, "EUR"), null)).hasMessageContaining("At most 40.00 EUR");
    assertThatThrownBy(() -> Rectification.forFinding(Cause.OVERCHARGED, "pay-1", PAID, PAID, ZERO, null, null))
        .hasMessageContaining("enter the amount overcharged");
  }

  private Payment captured(String id, String charge, Instant at, long amount) {
    Payment payment = new Payment(id, "ord-1", charge, amount, "EUR", at, Payment.Status.CAPTURED);
    payments.add(payment);
    charges.put(charge, new ProcessorCharge(charge, payment.money(), ProcessorCharge.Status.CAPTURED));
    return payment;
  }

  @Test
  void theWebPageFormOffersWhatTheRequestAccepts() {
    ClaimForms.Form form = ClaimForms.form("discrepancy").orElseThrow();
    assertThat(form.field("kind").orElseThrow().options())
        .containsExactly(DiscrepancyReportRequest.KINDS.split("\\|"));
    assertThat(form.field("description").orElseThrow().maxLength())
        .isEqualTo(DiscrepancyReportRequest.MAX_DESCRIPTION);
  }
}
