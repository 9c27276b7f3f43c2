package org.claimdesk.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.claimdesk.web.FieldProblem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Bean Validation rules of the merchant records, each failure named by its JSON path. */
class RecordValidationTest {

  private static ValidatorFactory factory;
  private static RecordValidator validator;

  @BeforeAll
  static void createValidator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = new RecordValidator(factory.getValidator());
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  static Customer customer() {
    return new Customer("cus-1", "Ada Lovelace", "ada@example.com", Customer.Language.EN);
  }

  static Order order(Customer customer, Long amount, String currency) {
    return new Order("ord-1", customer, Order.ProductType.SERVICE, "Consulting", amount, currency,
        Instant.parse("2025-05-01T10:00:00Z"), LocalDate.parse("2025-05-03"),
        Order.ServiceStatus.BOOKED);
  }

  private static List<String> fields(Object record) {
    return validator.problems(record).stream().map(FieldProblem::field).toList();
  }

  @Test
  void aCompleteOrderIsValid() {
    assertThat(validator.problems(order(customer(), 1000L, "EUR"))).isEmpty();
  }

  @Test
  void namesEachInvalidFieldByItsJsonPath() {
    Customer badCustomer = new Customer("cus-1", "Ada", "not-an-email", null);
    assertThat(fields(order(badCustomer, -5L, "eur")))
        .containsExactlyInAnyOrder("amount", "currency", "customer.email", "customer.language");
  }

  @Test
  void amountMustBePositiveAndPresent() {
    assertThat(fields(order(customer(), 0L, "EUR"))).containsExactly("amount");
    assertThat(fields(order(customer(), null, "EUR"))).containsExactly("amount");
  }

  @Test
  void currencyMustBeAKnownIsoCode() {
    assertThat(fields(order(customer(), 1L, "ZZZ"))).containsExactly("currency");
    assertThat(fields(order(customer(), 1L, "EURO"))).containsExactly("currency");
    assertThat(fields(order(customer(), 1L, null))).containsExactly("currency");
  }

  @Test
  void emailNeedsADomainWithADot() {
    Customer noTld = new Customer("cus-1", "Ada", "ada@localhost", Customer.Language.EN);
    assertThat(fields(order(noTld, 1L, "EUR"))).containsExactly("customer.email");
  }

  @Test
  void shopIdsAreShortAndSafe() {
    assertThat(ShopId.Rule.matches("ord-2025.05:A_1")).isTrue();
    assertThat(ShopId.Rule.matches("a".repeat(64))).isTrue();
    assertThat(ShopId.Rule.matches("a".repeat(65))).isFalse();
    assertThat(ShopId.Rule.matches("")).isFalse();
    assertThat(ShopId.Rule.matches("-starts-with-dash")).isFalse();
    assertThat(ShopId.Rule.matches("has space")).isFalse();
    assertThat(ShopId.Rule.matches("../etc/passwd")).isFalse();
    assertThat(ShopId.Rule.matches(null)).isFalse();

    Order blankId = new Order(" ", customer(), Order.ProductType.DIGITAL, "x", 1L, "EUR",
        Instant.EPOCH, null, Order.ServiceStatus.BOOKED);
    assertThat(fields(blankId)).containsExactly("id");
  }

  @Test
  void aPaymentNeedsItsOrderAndAPrintableProcessorReference() {
    Payment payment = new Payment("pay-1", null, "pi 123", 100L, "EUR", null, Payment.Status.CAPTURED);
    assertThat(fields(payment)).containsExactlyInAnyOrder("orderId", "processorReference", "capturedAt");
  }

  @Test
  void aWalletEntryMayOmitItsOrderButNotItsKind() {
    assertThat(fields(new WalletEntryRequest("wal-1", null, 100L, "EUR", WalletEntry.Kind.ADJUSTMENT))).isEmpty();
    assertThat(fields(new WalletEntryRequest("wal-1", "bad id", 100L, "EUR", null)))
        .containsExactlyInAnyOrder("orderId", "kind");
  }
}
