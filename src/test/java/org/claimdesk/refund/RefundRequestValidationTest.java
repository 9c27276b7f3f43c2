package org.claimdesk.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.claimdesk.web.ClaimForms;
import org.claimdesk.web.FieldProblem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RefundRequestValidationTest {

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
  void aGoodRequestHasNoProblem() {
    RefundRequest request = new RefundRequest("ord-1", " Marie.Dubois@Example.com ", "SERVICE_ISSUE",
        "The session was cut short.\nTwice.", "fr");

    assertThat(problems(request.normalized())).isEmpty();
    assertThat(request.normalized().email()).isEqualTo("Marie.Dubois@Example.com");
  }

  @Test
  void everyBadFieldIsNamedOnce() {
    RefundRequest request = new RefundRequest("ord 1", "not-an-email", "BORED", "x".repeat(4001), "de");

    assertThat(problems(request)).extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("orderId", "email", "reason", "description", "language");
  }

  @Test
  void aMissingFieldIsNamedAsMissingOnly() {
    RefundRequest request = new RefundRequest(null, "  ", null, " ", null).normalized();

    List<FieldProblem> problems = problems(request);

    assertThat(problems).extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("orderId", "email", "reason", "description", "language");
  }

  @Test
  void everyReasonOfTheDesignIsAccepted() {
    for (String reason : RefundRequest.REASONS.split("\\|")) {
      assertThat(problems(new RefundRequest("ord-1", "a@example.com", reason, "text", "en"))).as(reason).isEmpty();
    }
    assertThat(problems(new RefundRequest("ord-1", "a@example.com", "service_issue", "text", "EN")))
        .extracting(FieldProblem::field).containsExactlyInAnyOrder("reason", "language");
  }

  @Test
  void controlCharactersInTheDescriptionAreRefused() {
    assertThat(problems(new RefundRequest("ord-1", "a@example.com", "OTHER", "bell\u0007", "en")))
        .extracting(FieldProblem::field).containsExactly("description");
  }

  private static List<FieldProblem> problems(RefundRequest request) {
    return RefundIntake.fieldProblems(validator.validate(request));
  }

  @Test
  void theWebPageFormOffersWhatTheRequestAccepts() {
    ClaimForms.Form form = ClaimForms.form("refund").orElseThrow();
    assertThat(form.field("reason").orElseThrow().options()).containsExactly(RefundRequest.REASONS.split("\\|"));
    assertThat(form.field("description").orElseThrow().maxLength()).isEqualTo(RefundRequest.MAX_DESCRIPTION);
  }
}
