package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Every status and outcome the code knows is one the schema's check constraints accept. */
@PostgresIntegrationTest
class CaseValuesFitTheSchemaIT {

  @Autowired
  JdbcCaseService cases;
  @Autowired
  TransactionTemplate transaction;

  @ParameterizedTest
  @EnumSource(CaseOutcome.class)
  void everyOutcomeCanBeRecorded(CaseOutcome outcome) {
    String reference = open();

    transaction.executeWithoutResult(status -> cases.recordOutcome(reference, CaseStatus.RESOLVED, outcome, "RF-8"));

    assertThat(cases.get(reference).outcome()).isEqualTo(outcome);
  }

  @ParameterizedTest
  @EnumSource(CaseStatus.class)
  void everyStatusCanBeRecorded(CaseStatus status) {
    String reference = open();

    transaction.executeWithoutResult(tx -> cases.updateStatus(reference, status));

    assertThat(cases.get(reference).status()).isEqualTo(status);
  }

  private String open() {
    return transaction.execute(status -> cases.open(new JdbcCaseService.NewCase(CaseType.REFUND_REQUEST,
        "cus-marie", "ord-service-rendered-3d", Locale.FRENCH, "schema check")).reference());
  }
}
