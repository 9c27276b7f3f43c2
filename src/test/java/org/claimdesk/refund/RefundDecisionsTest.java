package org.claimdesk.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** The two refund decisions row by row, on the DMN engine alone. */
class RefundDecisionsTest {

  static DmnEngine dmn;
  static DmnDecision eligibility;
  static DmnDecision approval;

  @BeforeAll
  static void parseDecisions() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new ClassPathResource("processes/refund-eligibility.dmn").getInputStream()) {
      eligibility = dmn.parseDecision("refundEligibility", in);
    }
    try (InputStream in = new ClassPathResource("processes/refund-approval.dmn").getInputStream()) {
      approval = dmn.parseDecision("refundApproval", in);
    }
  }

  @ParameterizedTest(name = "{0} {1} {2} {3}, days {4}/{5}/{6} -> {7} {8} evidence={9}")
  @CsvSource({
      // profile, reason, product, status, since order, since purchase, since service, verdict, rule, evidence
      "strict,   NOT_DELIVERED,    SERVICE,         BOOKED,    1,  1,  1, REFUSE, RF-9, false",
      "standard, OTHER,            WALLET_RECHARGE, RENDERED,  1,  1,  1, REFUSE, WR-1, false",
      "standard, NOT_DELIVERED,    SERVICE,         BOOKED,    8,  8,  8, REFUSE, RF-2, false",
      "standard, NOT_DELIVERED,    SERVICE,         BOOKED,    7,  7,  7, REVIEW, RF-2, false",
      "standard, NOT_AS_DESCRIBED, DIGITAL,         RENDERED, 10,  8,  8, REFUSE, RF-3, false",
      "standard, NOT_AS_DESCRIBED, DIGITAL,         RENDERED, 10,  7,  7, REVIEW, RF-3, true",
      "standard, SERVICE_ISSUE,    SERVICE,         RENDERED, 20, 20,  8, REFUSE, RF-4, false",
      "standard, SERVICE_ISSUE,    SERVICE,         RENDERED, 20, 20,  7, REVIEW, RF-4, false",
      "standard, CHANGED_MIND,     SERVICE,         RENDERED,  1,  1,  0, REFUSE, RF-6, false",
      "standard, CHANGED_MIND,     DIGITAL,         INITIATED, 1,  1,  1, REFUSE, RF-6, false",
      "standard, CHANGED_MIND,     SERVICE,         INITIATED, 1,  1,  0, REFUSE, RF-5, false",
      "standard, CHANGED_MIND,     SERVICE,         BOOKED,    1,  1, -5, REVIEW, RF-8, false",
      "standard, BILLING_ERROR,    SUBSCRIPTION,    RENDERED, 30, 30, 30, REVIEW, RF-1, false",
      "standard, OTHER,            SERVICE,         RENDERED, 30, 30, 30, REVIEW, RF-1, false"})
  void refundEligibility(String profile, String reason, String product, String status, long sinceOrder,
      long sincePurchase, long sinceService, String verdict, String rule, boolean evidence) {
    Map<String, Object> input = new HashMap<>();
    input.put("policyProfile", profile);
    input.put("reason", reason);
    input.put("productType", product);
    input.put("serviceStatus", status);
    input.put("daysSinceOrder", sinceOrder);
    input.put("daysSincePurchase", sincePurchase);
    input.put("daysSinceService", sinceService);

    DmnDecisionResultEntries result = dmn.evaluateDecision(eligibility, input).getSingleResult();

    assertThat((String) result.getEntry("verdict")).isEqualTo(verdict);
    assertThat((String) result.getEntry("ruleId")).isEqualTo(rule);
    assertThat((Boolean) result.getEntry("evidenceRequired")).isEqualTo(evidence);
  }

  @ParameterizedTest(name = "{0} of {1} exception={2} -> approval {3} ({4})")
  @CsvSource({
      "FULL_REFUND,     9000, false, false, RF-8",
      "FULL_REFUND,    10000, false, false, RF-8",
      "FULL_REFUND,    10001, false, true,  RF-8",
      "PARTIAL_REFUND, 15000, false, true,  RF-8",
      "CREDIT,         15000, false, false, RF-8",
      "CREDIT,         20001, false, true,  RF-8",
      "ALTERNATIVE,         , false, false, RF-8",
      "PARTIAL_REFUND,  1000, true,  true,  RF-7",
      "ALTERNATIVE,         , true,  true,  RF-7"})
  void refundApproval(String type, Long amount, boolean exception, boolean required, String rule) {
    Map<String, Object> input = new HashMap<>();
    input.put("offerType", type);
    input.put("offerAmountMinor", amount);
    input.put("isException", exception);

    DmnDecisionResultEntries result = dmn.evaluateDecision(approval, input).getSingleResult();

    assertThat((Boolean) result.getEntry("approvalRequired")).isEqualTo(required);
    assertThat((String) result.getEntry("approvalRuleId")).isEqualTo(rule);
  }
}
