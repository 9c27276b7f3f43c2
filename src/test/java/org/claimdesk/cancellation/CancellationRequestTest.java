package org.claimdesk.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.claimdesk.cases.ClaimIntake;
import org.claimdesk.cases.CustomerAction;
import org.claimdesk.cases.CaseType;
import org.claimdesk.web.ClaimForms;
import org.claimdesk.web.FieldProblem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cancellation request's fields, its timeline text, and the process messages of its case. */
class CancellationRequestTest {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void createValidator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  @Test
  void aGoodRequestHasNoProblemAndItsEmailIsTrimmed() {
    CancellationRequest request = new CancellationRequest("sub-1", " Marie.Dubois@Example.com ", "END_OF_CYCLE",
        true, "BILLING_ERROR", "en");

    assertThat(problems(request.normalized())).isEmpty();
    assertThat(request.normalized().email()).isEqualTo("Marie.Dubois@Example.com");
  }

  @Test
  void everyBadFieldIsNamedOnce() {
    CancellationRequest request = new CancellationRequest("sub 1", "nope", "LATER", null, "BORED", "de");

    assertThat(problems(request)).extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("subscriptionId", "email", "mode", "refundRequested", "reason", "language");
  }

  @Test
  void aMissingValueIsNamedAloneNotAlsoAsMalformed() {
    CancellationRequest request = new CancellationRequest(null, " ", null, false, null, null);

    List<FieldProblem> problems = problems(request.normalized());

    assertThat(problems).extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("subscriptionId", "email", "mode", "reason", "language");
  }

  @Test
  void theClaimFiledEntrySaysWhatWasAskedInTheCustomersLanguage() {
    assertThat(new CancellationRequest("s", "a@b.c", "IMMEDIATE", false, "SERVICE_ISSUE", "en").describe())
        .isEqualTo("Cancellation requested, effective immediately; no refund requested. Reason: service issue.");
    assertThat(new CancellationRequest("s", "a@b.c", "END_OF_CYCLE", true, "BILLING_ERROR", "fr").describe())
        .isEqualTo("Résiliation demandée à la fin de la période payée ; remboursement du dernier paiement demandé."
            + " Motif : erreur de facturation.");
  }

  @Test
  void onlyTheWithdrawalIsAMessageOfTheCancellationProcess() {
    CancellationProcess messages = new CancellationProcess();

    assertThat(messages.caseType()).isEqualTo(CaseType.SUBSCRIPTION_CANCELLATION);
    assertThat(messages.messageName(CustomerAction.WITHDRAWAL)).isEqualTo(CancellationProcess.MESSAGE_WITHDRAWN)
        .isEqualTo("CancellationWithdrawn");
    assertThat(List.of(CustomerAction.EVIDENCE_RECEIVED, CustomerAction.OFFER_ACCEPTED, CustomerAction.OFFER_DECLINED,
        CustomerAction.FEEDBACK_RECEIVED)).allSatisfy(action -> assertThat(messages.messageName(action)).isNull());
  }

  private static List<FieldProblem> problems(CancellationRequest request) {
    return ClaimIntake.fieldProblems(validator.validate(request));
  }

  @Test
  void theWebPageFormOffersWhatTheRequestAccepts() {
    ClaimForms.Form form = ClaimForms.form("cancellation").orElseThrow();
    assertThat(form.field("reason").orElseThrow().options())
        .containsExactly(CancellationRequest.REASONS.split("\\|"));
    assertThat(form.field("mode").orElseThrow().options()).containsExactly(CancellationRequest.MODES.split("\\|"));
  }
}
