package org.claimdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The customer page's texts: one bundle per language with the same keys, and the page's own field rules. */
class CustomerPageTextsTest {

  private final CustomerPageTexts texts = new CustomerPageTexts(messageSource(), new ObjectMapper());

  private static ResourceBundleMessageSource messageSource() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename(CustomerPageTexts.BUNDLE);
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  @Test
  @DisplayName("English and French have the same keys, and every form field has its label and hint in both")
  void bothLanguagesHaveTheSameTexts() {
    Set<String> english = CustomerPageTexts.bundle(Locale.ENGLISH).keySet();
    Set<String> french = CustomerPageTexts.bundle(Locale.FRENCH).keySet();
    assertThat(english).hasSizeGreaterThan(150);
    assertThat(french).containsExactlyInAnyOrderElementsOf(english);
    for (ClaimForms.Form form : ClaimForms.FORMS) {
      assertThat(english).contains("choice." + form.key(), "choice." + form.key() + ".hint",
          "answer.notFound." + form.subject());
      for (ClaimForms.Field field : form.fields()) {
        assertThat(english).as(form.key()).contains("field." + field.name());
        field.options().forEach(option -> assertThat(english).contains(field.optionPrefix() + "." + option));
      }
    }
  }

  @Test
  @DisplayName("a text reads in the page's language with its arguments; English when the language has no file")
  void textsInTheirLanguage() {
    assertThat(texts.text(Locale.FRENCH, "invalid.tooLong", 64)).isEqualTo("Utilisez au plus 64 caractères.");
    assertThat(texts.text(Locale.ENGLISH, "case.heading", "CD-ABCDEFGH")).isEqualTo("Case CD-ABCDEFGH");
    assertThat(texts.text(Locale.GERMAN, "start.heading")).isEqualTo("How can we help?");
    assertThat(texts.text(Locale.FRENCH, "start.heading")).isEqualTo("Comment pouvons-nous vous aider\u00a0?");
  }

  @Test
  @DisplayName("the scripts get the texts they ask for, raw, and nothing in them can end the data block")
  void textsForScripts() throws Exception {
    String json = texts.forScripts(Locale.FRENCH, "invalid.", "answer.");
    assertThat(json).doesNotContain("<", ">", "&");
    @SuppressWarnings("unchecked")
    Map<String, String> parsed = new ObjectMapper().readValue(json, Map.class);
    assertThat(parsed).containsEntry("invalid.tooLong", "Utilisez au plus {0} caractères.")
        .containsKey("answer.conflict").doesNotContainKey("start.heading");
  }

  @Test
  @DisplayName("dates in UTC and amounts as each language writes them")
  void datesAndAmounts() {
    Instant instant = Instant.parse("2026-12-07T14:30:00Z");
    assertThat(texts.dateTime(Locale.ENGLISH, instant)).isEqualTo("7 December 2026, 14:30 UTC");
    assertThat(texts.dateTime(Locale.FRENCH, instant)).isEqualTo("7 décembre 2026 à 14:30 UTC");
    assertThat(texts.money(Locale.ENGLISH, 3000, "EUR")).isEqualTo("€30.00");
    assertThat(texts.money(Locale.FRENCH, 3000, "EUR").replace('\u00a0', ' ').replace('\u202f', ' '))
        .isEqualTo("30,00 €");
  }

  @Test
  @DisplayName("the server checks a form with the page script's rules and words; the API's own faults map to its fields")
  void formRules() {
    ClaimForms.Form refund = ClaimForms.form("refund").orElseThrow();
    List<ClaimForms.Problem> problems = ClaimForms.problems(refund,
        Map.of("orderId", "ord 1", "email", "not an email", "description", "x\u0001"));
    assertThat(problems).extracting(ClaimForms.Problem::field, ClaimForms.Problem::key).containsExactly(
        org.assertj.core.groups.Tuple.tuple("orderId", "invalid.id"),
        org.assertj.core.groups.Tuple.tuple("email", "invalid.email"),
        org.assertj.core.groups.Tuple.tuple("reason", "invalid.choice"),
        org.assertj.core.groups.Tuple.tuple("description", "invalid.controlCharacters"));
    ClaimForms.Form discrepancy = ClaimForms.form("discrepancy").orElseThrow();
    Map<String, String> noAmount = Map.of("paymentId", "pay-1", "email", "a@b.fr", "kind", "DUPLICATE_CHARGE",
        "description", "twice", "expectedAmount", "0");
    assertThat(ClaimForms.problems(discrepancy, noAmount)).isEmpty();
    assertThat(ClaimForms.problems(discrepancy, Map.of("paymentId", "pay-1", "email", "a@b.fr",
        "kind", "AMOUNT_MISMATCH", "description", "less", "expectedAmount", "0")))
        .extracting(ClaimForms.Problem::key).containsExactly("invalid.amount");
    assertThat(ClaimForms.minorUnits("49,9")).isEqualTo(4990);
    assertThat(ClaimForms.serverProblems(refund, Map.of("reason", "BOGUS"),
        List.of(new FieldProblem("reason", "must be one of ..."), new FieldProblem("language", "must be en or fr"))))
        .extracting(ClaimForms.Problem::field, ClaimForms.Problem::key).containsExactly(
            org.assertj.core.groups.Tuple.tuple("reason", "invalid.server"),
            org.assertj.core.groups.Tuple.tuple(null, "invalid.server"));
  }

  @Test
  @DisplayName("the page's language: ?lang=, else the browser's first supported language, else English")
  void languages() {
    assertThat(PageLanguage.fromAcceptLanguage("de-DE,fr;q=0.8,en;q=0.5")).isEqualTo(Locale.FRENCH);
    assertThat(PageLanguage.fromAcceptLanguage("en-GB,fr;q=0.9")).isEqualTo(Locale.ENGLISH);
    assertThat(PageLanguage.fromAcceptLanguage("de")).isEqualTo(Locale.ENGLISH);
    assertThat(PageLanguage.fromAcceptLanguage("!!")).isEqualTo(Locale.ENGLISH);
    assertThat(PageLanguage.fromAcceptLanguage(null)).isEqualTo(Locale.ENGLISH);
  }
}
