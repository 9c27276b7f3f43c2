package org.claimdesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.claimdesk.cases.CaseType;
import org.claimdesk.cases.ClaimIntake;
import org.claimdesk.cases.CustomerAction;
import org.claimdesk.web.ClaimForms;
import org.claimdesk.web.FieldProblem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wallet recharge report's fields, its normalization, its timeline text, and its case's messages. */
class WalletRechargeRequestTest {

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
  void aGoodRequestHasNoProblemAndItsPayerNameAndEmailAreTrimmed() {
    WalletRechargeRequest request = new WalletRechargeRequest("ord-1", "  Marie Dubois\t", " Marie.Dubois@Example.com ",
        "fr");

    WalletRechargeRequest normalized = request.normalized();

    assertThat(problems(normalized)).isEmpty();
    assertThat(normalized.payerName()).isEqualTo("Marie Dubois");
    assertThat(normalized.email()).isEqualTo("Marie.Dubois@Example.com");
    assertThat(normalized.orderId()).isEqualTo("ord-1");
    assertThat(normalized.language()).isEqualTo("fr");
  }

  @Test
  void normalizingKeepsMissingValuesMissing() {
    WalletRechargeRequest normalized = new WalletRechargeRequest(null, null, null, null).normalized();

    assertThat(normalized).isEqualTo(new WalletRechargeRequest(null, null, null, null));
  }

  @Test
  void everyBadFieldIsNamedOnce() {
    WalletRechargeRequest request = new WalletRechargeRequest("ord 1", "Marie\u0000Dubois", "nope", "de");

    assertThat(problems(request)).extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("orderId", "payerName", "email", "language");
  }

  @Test
  void aMissingValueIsNamedAloneNotAlsoAsMalformed() {
    WalletRechargeRequest request = new WalletRechargeRequest(null, " \t ", " ", null);

    List<FieldProblem> problems = problems(request.normalized());

    assertThat(problems).extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("orderId", "payerName", "email", "language");
  }

  @Test
  void thePayerNameIsBoundedAndHasNoControlCharacters() {
    String longest = "a".repeat(WalletRechargeRequest.MAX_PAYER_NAME);

    assertThat(problems(new WalletRechargeRequest("o", longest, "a@b.cd", "en"))).isEmpty();
    assertThat(problems(new WalletRechargeRequest("o", longest + "a", "a@b.cd", "en")))
        .extracting(FieldProblem::field).containsExactly("payerName");
    assertThat(problems(new WalletRechargeRequest("o", "Marie\nDubois", "a@b.cd", "en")))
        .extracting(FieldProblem::field).containsExactly("payerName");
    assertThat(problems(new WalletRechargeRequest("o", "Marie\u007FDubois", "a@b.cd", "en")))
        .extracting(FieldProblem::field).containsExactly("payerName");
    assertThat(problems(new WalletRechargeRequest("o", "Zoë O'Brien-Müller", "a@b.cd", "en"))).isEmpty();
  }

  @Test
  void theClaimFiledEntryNamesThePayerAndTheOrderInTheCustomersLanguage() {
    assertThat(new WalletRechargeRequest("ord-7", "Jean Martin", "a@b.cd", "en").describe())
        .isEqualTo("Missing wallet recharge reported for order ord-7, paid by Jean Martin.");
    assertThat(new WalletRechargeRequest("ord-7", "Jean Martin", "a@b.cd", "fr").describe())
        .isEqualTo("Recharge du portefeuille non reçue signalée pour la commande ord-7, payée par Jean Martin.");
  }

  @Test
  void theWalletProcessWaitsForNoCustomerAction() {
    WalletCaseMessages messages = new WalletCaseMessages();

    assertThat(messages.caseType()).isEqualTo(CaseType.WALLET_RECHARGE_ISSUE);
    assertThat(CaseType.WALLET_RECHARGE_ISSUE.processKey()).isEqualTo(WalletProcess.KEY);
    assertThat(CustomerAction.values()).allSatisfy(action -> assertThat(messages.messageName(action)).isNull());
  }

  private static List<FieldProblem> problems(WalletRechargeRequest request) {
    return ClaimIntake.fieldProblems(validator.validate(request));
  }

  @Test
  void theWebPageFormOffersWhatTheRequestAccepts() {
    ClaimForms.Form form = ClaimForms.form("wallet").orElseThrow();
    assertThat(form.field("payerName").orElseThrow().maxLength()).isEqualTo(WalletRechargeRequest.MAX_PAYER_NAME);
  }
}
