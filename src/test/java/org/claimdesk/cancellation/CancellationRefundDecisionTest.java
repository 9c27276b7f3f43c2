package org.claimdesk.cancellation;

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

/** cancellationRefund row by row, on the DMN engine alone. */
class CancellationRefundDecisionTest {

  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new ClassPathResource("processes/cancellation-refund.dmn").getInputStream()) {
      decision = dmn.parseDecision("cancellationRefund", in);
    }
  }

  @ParameterizedTest(name = "{0}, refund asked {1}, {2} days, {3} -> {4} ({5})")
  @CsvSource({
      "standard, false,  2, NO_LONGER_NEEDED, NO_REFUND, SC-1",
      "standard, true,   0, NO_LONGER_NEEDED, REFUND,    SC-3",
      "standard, true,   7, OTHER,            REFUND,    SC-3",
      "standard, true,   8, BILLING_ERROR,    NO_REFUND, SC-3",
      "strict,   false,  1, BILLING_ERROR,    NO_REFUND, SC-1",
      "strict,   true,   1, BILLING_ERROR,    REVIEW,    SC-4",
      "strict,   true,  20, SERVICE_ISSUE,    REVIEW,    SC-4",
      "strict,   true,   1, NO_LONGER_NEEDED, NO_REFUND, SC-4"})
  void cancellationRefund(String profile, boolean asked, long days, String reason, String outcome, String rule) {
    Map<String, Object> input = new HashMap<>();
    input.put("policyProfile", profile);
    input.put("refundRequested", asked);
    input.put("daysSinceLastPayment", days);
    input.put("reason", reason);

    DmnDecisionResultEntries result = dmn.evaluateDecision(decision, input).getSingleResult();

    assertThat((String) result.getEntry("refundDecision")).isEqualTo(outcome);
    assertThat((String) result.getEntry("ruleId")).isEqualTo(rule);
  }
}
