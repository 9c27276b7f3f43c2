package org.claimdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.claimdesk.cases.CustomerContact;
import org.claimdesk.cases.OfferType;
import org.claimdesk.commerce.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerMessageRendererTest {

  static final String REFERENCE = "CD-2026-000042";
  static final String LINK = "https://claims.example.com/cases/CD-2026-000042?token=s3cr3t-t0ken";
  static final CustomerContact MARIE = new CustomerContact("Marie Dubois", "marie@example.com", Locale.FRENCH);
  static final CustomerContact JOHN = new CustomerContact("John Smith", "john@example.com", Locale.ENGLISH);
  static final char NBSP = '\u00a0';

  final CustomerMessageRenderer renderer = new CustomerMessageRenderer();

  static Stream<Arguments> everyMessageInBothLanguages() {
    List<Arguments> arguments = new ArrayList<>();
    for (CustomerMessage message : CustomerMessage.values()) {
      arguments.add(Arguments.of(message, JOHN));
      arguments.add(Arguments.of(message, MARIE));
    }
    return arguments.stream();
  }

  RenderedMessage render(CustomerMessage message, CustomerContact contact) {
    return renderer.render(message, REFERENCE, contact, LINK, SampleMessages.parametersOf(message));
  }

  RenderedMessage render(CustomerMessage message, CustomerContact contact, Map<String, ?> parameters) {
    return renderer.render(message, REFERENCE, contact, LINK, parameters);
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyMessageInBothLanguages")
  @DisplayName("every message renders in both languages: subject, greeting, text and HTML ending with the private link")
  void everyMessageRendersCompletely(CustomerMessage message, CustomerContact contact) {
    RenderedMessage rendered = render(message, contact);
    boolean french = contact == MARIE;

    assertThat(rendered.language()).isEqualTo(french ? Locale.FRENCH : Locale.ENGLISH);
    assertThat(rendered.subject()).contains(REFERENCE).doesNotContain("\n");
    assertThat(rendered.textBody()).startsWith(french ? "Bonjour Marie Dubois," : "Hello John Smith,");
    assertThat(rendered.textBody().strip()).endsWith(LINK);
    assertThat(rendered.textBody()).contains(french ? "Cordialement," : "Kind regards,");
    assertThat(rendered.htmlBody()).contains("<html lang=\"" + (french ? "fr" : "en") + "\">")
        .contains("<a href=\"https://claims.example.com/cases/CD-2026-000042?token=s3cr3t-t0ken\">");
    assertThat(rendered.htmlBody().substring(rendered.htmlBody().lastIndexOf("<p")))
        .as("the link is the last paragraph").contains(LINK.replace("&", "&amp;"));
    for (String body : List.of(rendered.subject(), rendered.textBody(), rendered.htmlBody(), rendered.timelineText())) {
      assertThat(body).doesNotContainIgnoringCase("null").doesNotContain("{0}").doesNotContain("{1}")
          .doesNotContain("[(").doesNotContain("${").doesNotContain("??");
    }
    // The other language's words never leak in.
    assertThat(rendered.textBody()).doesNotContain(french ? "request" : "demande");
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyMessageInBothLanguages")
  @DisplayName("the timeline text is the email's text without the private link (it carries the access token)")
  void timelineTextHasNoLink(CustomerMessage message, CustomerContact contact) {
    RenderedMessage rendered = render(message, contact);

    assertThat(rendered.timelineText()).doesNotContain("s3cr3t-t0ken").doesNotContain("https://");
    assertThat(rendered.textBody()).startsWith(rendered.timelineText().strip());
  }

  @Test
  @DisplayName("CLAIM_RECEIVED: the reply date in each language's format, and whether evidence is needed")
  void claimReceived() {
    Map<String, Object> parameters = Map.of("replyDueBy", Instant.parse("2026-11-21T14:30:00Z"),
        "evidenceRequired", true);

    assertThat(render(CustomerMessage.CLAIM_RECEIVED, JOHN, parameters).textBody())
        .contains("will reply by 21 November 2026, 14:30 UTC at the latest")
        .contains("please add evidence");
    assertThat(render(CustomerMessage.CLAIM_RECEIVED, MARIE, parameters).textBody())
        .contains("vous répondra au plus tard le 21 novembre 2026 à 14:30 UTC")
        .contains("merci d’ajouter des justificatifs");
    assertThat(render(CustomerMessage.CLAIM_RECEIVED, JOHN,
        Map.of("replyDueBy", Instant.parse("2026-11-01T08:05:00Z"), "evidenceRequired", false)).textBody())
        .contains("1 November 2026, 08:05 UTC").contains("You do not need to do anything for now.");
    assertThat(render(CustomerMessage.CLAIM_RECEIVED, MARIE,
        Map.of("replyDueBy", Instant.parse("2026-11-01T08:05:00Z"), "evidenceRequired", false)).textBody())
        .contains("1er novembre 2026 à 08:05 UTC").contains("Vous n’avez rien à faire pour le moment.");
  }

  @Test
  @DisplayName("CLAIM_REFUSED cites the rule ID and the rule in one sentence, in the customer's language")
  void claimRefusedCitesTheRule() {
    Map<String, Object> parameters = Map.of("ruleId", "RF-2");

    RenderedMessage english = render(CustomerMessage.CLAIM_REFUSED, JOHN, parameters);
    assertThat(english.subject()).isEqualTo("Your request CD-2026-000042: our decision");
    assertThat(english.textBody()).contains(
        "Rule RF-2: A non-delivery claim must be made in writing within 7 days of the order date.");
    assertThat(english.htmlBody()).contains(
        "Rule RF-2: A non-delivery claim must be made in writing within 7 days of the order date.");

    RenderedMessage french = render(CustomerMessage.CLAIM_REFUSED, MARIE, parameters);
    assertThat(french.subject()).isEqualTo("Votre demande CD-2026-000042" + NBSP + ": notre décision");
    assertThat(french.textBody()).contains("Règle RF-2" + NBSP + ": Une réclamation pour non-livraison"
        + " doit être faite par écrit dans les 7 jours suivant la date de commande.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RF-1", "RF-9", "SC-3", "PD-2", "PD-5", "WR-1", "WR-2", "SL-1", "SL-3"})
  @DisplayName("every rule of the catalogue has its sentence in both languages")
  void everyRuleHasASentence(String ruleId) {
    for (CustomerContact contact : List.of(JOHN, MARIE)) {
      String text = render(CustomerMessage.CLAIM_REFUSED, contact, Map.of("ruleId", ruleId)).textBody();
      assertThat(text).containsPattern((contact == JOHN ? "Rule " : "Règle ") + ruleId + "\\u00a0?: \\p{Lu}");
    }
  }

  @Test
  @DisplayName("CLAIM_REFUSED with an unknown rule ID fails instead of citing nothing")
  void unknownRuleFails() {
    assertThatThrownBy(() -> render(CustomerMessage.CLAIM_REFUSED, JOHN, Map.of("ruleId", "RF-10")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown rule RF-10");
  }

  @Test
  @DisplayName("amounts: 90.00 EUR in English, 90,00 EUR in French; thousands grouped; no decimals for JPY")
  void amountsPerLanguage() {
    assertThat(render(CustomerMessage.REFUND_PAID, JOHN).textBody()).contains("We have refunded 90.00 EUR to");
    assertThat(render(CustomerMessage.REFUND_PAID, MARIE).textBody()).contains("Nous vous avons remboursé 90,00 EUR sur");
    Map<String, Object> large = Map.of("amount", Money.of(123456, "EUR"));
    assertThat(render(CustomerMessage.CREDIT_ADDED, JOHN, large).textBody()).contains("a credit of 1,234.56 EUR to");
    assertThat(render(CustomerMessage.CREDIT_ADDED, MARIE, large).textBody()).contains("un avoir de 1" + NBSP + "234,56 EUR sur");
    assertThat(render(CustomerMessage.REFUND_PAID, MARIE, Map.of("amount", Money.of(5000, "JPY"))).textBody())
        .contains("remboursé 5" + NBSP + "000 JPY sur");
  }

  @Test
  @DisplayName("OFFER_MADE: the offer with its amount, the description, the agent's words and the answer date")
  void offerMade() {
    RenderedMessage english = render(CustomerMessage.OFFER_MADE, JOHN);
    assertThat(english.textBody())
        .contains("A partial refund of 90.00 EUR to your original means of payment.\n> " + SampleMessages.DESCRIPTION)
        .contains("> He confirms the visit was missed.")
        .contains("by 21 November 2026, 14:30 UTC");
    RenderedMessage french = render(CustomerMessage.OFFER_MADE, MARIE, Map.of(
        "offerType", OfferType.ALTERNATIVE, "description", "Une nouvelle intervention.",
        "respondBy", SampleMessages.DUE));
    assertThat(french.textBody()).contains("Une solution alternative" + NBSP + ":\n> Une nouvelle intervention.")
        .contains("au plus tard le 21 novembre 2026 à 14:30 UTC").doesNotContain("Message de notre équipe");
  }

  @Test
  @DisplayName("OFFER_MADE: a money offer may come without a description; an alternative may not")
  void offerDescriptionIsOptionalForMoneyOnly() {
    RenderedMessage partial = render(CustomerMessage.OFFER_MADE, JOHN, Map.of(
        "offerType", OfferType.PARTIAL_REFUND, "amount", org.claimdesk.commerce.Money.of(3000, "EUR"),
        "respondBy", SampleMessages.DUE));
    assertThat(partial.textBody()).contains("A partial refund of 30.00 EUR to your original means of payment.")
        .doesNotContain("null");
    assertThatThrownBy(() -> render(CustomerMessage.OFFER_MADE, JOHN, Map.of(
        "offerType", OfferType.ALTERNATIVE, "respondBy", SampleMessages.DUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs parameter description");
  }

  @Test
  @DisplayName("an offer that moves money needs a positive amount")
  void moneyOfferNeedsAnAmount() {
    assertThatThrownBy(() -> render(CustomerMessage.OFFER_MADE, JOHN, Map.of(
        "offerType", OfferType.CREDIT, "description", "Credit", "respondBy", SampleMessages.DUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a positive parameter amount");
  }

  @Test
  @DisplayName("HTML escapes what an agent wrote; the plain text keeps it as written")
  void agentTextIsEscapedInHtml() {
    String hostile = "<script>alert('x')</script> & <b>bold</b>\n\"quoted\"";
    RenderedMessage rendered = render(CustomerMessage.AGENT_REPLY, JOHN, Map.of("agentMessage", hostile));

    assertThat(rendered.htmlBody()).doesNotContain("<script>").doesNotContain("<b>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;<br>&quot;quoted&quot;");
    assertThat(rendered.textBody()).contains("> <script>alert('x')</script> & <b>bold</b>\n> \"quoted\"");
  }

  @Test
  @DisplayName("a customer name with markup is escaped in HTML too")
  void customerNameIsEscaped() {
    CustomerContact contact = new CustomerContact("<img src=x onerror=alert(1)>", "x@example.com", Locale.ENGLISH);
    RenderedMessage rendered = render(CustomerMessage.CLOSED_NO_RESPONSE, contact);
    assertThat(rendered.htmlBody()).doesNotContain("<img").contains("Hello &lt;img src=x onerror=alert(1)&gt;,");
  }

  @Test
  @DisplayName("English for any language but French; no name gives a greeting without one")
  void languageFallbackAndGreeting() {
    CustomerContact german = new CustomerContact("Jörg", "j@example.com", Locale.GERMAN);
    assertThat(render(CustomerMessage.CLOSED_NO_RESPONSE, german).textBody()).startsWith("Hello Jörg,");
    CustomerContact none = new CustomerContact(" ", "j@example.com", null);
    assertThat(render(CustomerMessage.CLOSED_NO_RESPONSE, none).textBody()).startsWith("Hello,\n");
    CustomerContact quebec = new CustomerContact(null, "q@example.com", Locale.CANADA_FRENCH);
    RenderedMessage french = render(CustomerMessage.CLOSED_NO_RESPONSE, quebec);
    assertThat(french.language()).isEqualTo(Locale.FRENCH);
    assertThat(french.textBody()).startsWith("Bonjour,\n");
  }

  @Test
  @DisplayName("a parameter the message does not read is refused")
  void unknownParameterFails() {
    Map<String, Object> parameters = new HashMap<>(SampleMessages.parametersOf(CustomerMessage.REFUND_PAID));
    parameters.put("amuont", Money.of(1, "EUR"));

    assertThatThrownBy(() -> render(CustomerMessage.REFUND_PAID, JOHN, parameters))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REFUND_PAID has no parameter amuont");
  }

  @Test
  @DisplayName("a missing or blank required parameter is refused, naming it")
  void missingParameterFails() {
    assertThatThrownBy(() -> render(CustomerMessage.REFUND_PAID, JOHN, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REFUND_PAID needs parameter amount");
    assertThatThrownBy(() -> render(CustomerMessage.AGENT_REPLY, JOHN, Map.of("agentMessage", "  ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs parameter agentMessage");
    assertThatThrownBy(() -> render(CustomerMessage.FEEDBACK_REQUESTED, JOHN, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs parameter respondBy");
  }

  @Test
  @DisplayName("a parameter of the wrong type is refused (a Date for an Instant, a number for Money)")
  void wrongTypeFails() {
    assertThatThrownBy(() -> render(CustomerMessage.FEEDBACK_REQUESTED, JOHN,
        Map.of("respondBy", java.util.Date.from(SampleMessages.DUE))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("respondBy must be a Instant");
    assertThatThrownBy(() -> render(CustomerMessage.REFUND_PAID, JOHN, Map.of("amount", 9000L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount must be a Money");
  }

  @Test
  @DisplayName("an optional parameter may be left out or blank")
  void optionalParameterMayBeMissing() {
    RenderedMessage rendered = render(CustomerMessage.CLAIM_REFUSED, JOHN, Map.of("ruleId", "RF-5", "agentMessage", ""));
    assertThat(rendered.textBody()).doesNotContain("Message from our support team");
  }

  static Map<String, Object> cancellation(String mode, String decision, Money amount, String ruleId) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("plan", "Premium Support");
    parameters.put("mode", mode);
    parameters.put("accessEndsAt", mode.equals("IMMEDIATE")
        ? Instant.parse("2026-11-21T14:30:00Z") : Instant.parse("2026-12-01T00:00:00Z"));
    parameters.put("refundDecision", decision);
    if (amount != null) {
      parameters.put("amount", amount);
    }
    parameters.put("ruleId", ruleId);
    return parameters;
  }

  @Test
  @DisplayName("CANCELLATION_CONFIRMED, end of cycle with a refund: no further payment, access date, amount, rule, no withdrawal")
  void cancellationAtEndOfCycleWithRefund() {
    Map<String, Object> parameters = cancellation("END_OF_CYCLE", "REFUND", Money.of(123456, "EUR"), "SC-3");

    RenderedMessage english = render(CustomerMessage.CANCELLATION_CONFIRMED, JOHN, parameters);
    assertThat(english.subject()).isEqualTo("Your request CD-2026-000042: subscription cancelled");
    assertThat(english.textBody())
        .contains("we have cancelled your Premium Support subscription. No further payment will be taken.")
        .contains("You keep your access until 1 December 2026, 00:00 UTC, the end of the period")
        .contains("We are refunding 1,234.56 EUR to your original means of payment.")
        .contains("Rule SC-3: The last payment is refunded only if you cancel within 7 days")
        .doesNotContain("you can withdraw the cancellation")
        .doesNotContain("There is no refund").doesNotContain("Message from our support team");

    RenderedMessage french = render(CustomerMessage.CANCELLATION_CONFIRMED, MARIE, parameters);
    assertThat(french.subject()).isEqualTo("Votre demande CD-2026-000042" + NBSP + ": abonnement résilié");
    assertThat(french.textBody())
        .contains("nous avons résilié votre abonnement Premium Support. Aucun autre prélèvement ne sera effectué.")
        .contains("Vous conservez votre accès jusqu’au 1er décembre 2026 à 00:00 UTC, fin de la période déjà payée.")
        .contains("Nous vous remboursons 1" + NBSP + "234,56 EUR sur votre moyen de paiement d’origine.")
        .contains("Règle SC-3" + NBSP + ": Le dernier paiement n’est remboursé que si")
        .doesNotContain("vous pouvez renoncer à la résiliation")
        .doesNotContain("ne donne pas lieu à un remboursement");
  }

  @Test
  @DisplayName("CANCELLATION_CONFIRMED, immediate without a refund: access ends now, the rule sentence, no withdrawal hint")
  void immediateCancellationWithoutRefund() {
    Map<String, Object> parameters = cancellation("IMMEDIATE", "NO_REFUND", null, "SC-3");

    RenderedMessage english = render(CustomerMessage.CANCELLATION_CONFIRMED, JOHN, parameters);
    assertThat(english.textBody())
        .contains("No further payment will be taken.")
        .contains("As you chose, your access ends now.")
        .contains("There is no refund for this cancellation, under the following rule of our policy:\n\n"
            + "Rule SC-3: The last payment is refunded only if you cancel within 7 days of that payment;"
            + " after that, future billing stops but there is no refund.")
        .doesNotContain("We are refunding").doesNotContain("withdraw").doesNotContain("UTC");
    assertThat(english.htmlBody()).contains("Rule SC-3: The last payment is refunded only");

    RenderedMessage french = render(CustomerMessage.CANCELLATION_CONFIRMED, MARIE, parameters);
    assertThat(french.textBody())
        .contains("Comme vous l’avez choisi, votre accès prend fin dès maintenant.")
        .contains("Cette résiliation ne donne pas lieu à un remboursement, conformément à la règle suivante de nos conditions" + NBSP + ":")
        .contains("Règle SC-3" + NBSP + ": Le dernier paiement n’est remboursé que si vous résiliez dans les 7 jours qui le suivent")
        .doesNotContain("Nous vous remboursons").doesNotContain("renoncer").doesNotContain("UTC");
  }

  @Test
  @DisplayName("CANCELLATION_CONFIRMED, end of cycle without a refund under SC-4, with the agent's words (escaped in HTML)")
  void endOfCycleWithoutRefundAfterReview() {
    Map<String, Object> parameters = cancellation("END_OF_CYCLE", "NO_REFUND", null, "SC-4");
    parameters.put("agentMessage", "We found no <b>billing error</b> on your account.");

    RenderedMessage english = render(CustomerMessage.CANCELLATION_CONFIRMED, JOHN, parameters);
    assertThat(english.textBody())
        .contains("Rule SC-4: Unused parts of a subscription are not refunded")
        .contains("Message from our support team:\n> We found no <b>billing error</b> on your account.")
        .contains("you can withdraw the cancellation");
    assertThat(english.htmlBody()).doesNotContain("<b>").contains("&lt;b&gt;billing error&lt;/b&gt;");
    RenderedMessage french = render(CustomerMessage.CANCELLATION_CONFIRMED, MARIE, parameters);
    assertThat(french.textBody()).contains("Règle SC-4" + NBSP + ": Les périodes d’abonnement non utilisées")
        .contains("Message de notre équipe d’assistance" + NBSP + ":\n> We found no");
  }

  @Test
  @DisplayName("CANCELLATION_WITHDRAWN and ACCESS_ENDED name the plan (escaped in HTML) and the date per language")
  void withdrawnAndAccessEnded() {
    RenderedMessage withdrawn = render(CustomerMessage.CANCELLATION_WITHDRAWN, JOHN);
    assertThat(withdrawn.subject()).isEqualTo("Your request CD-2026-000042: cancellation withdrawn");
    assertThat(withdrawn.textBody()).contains("your Premium Support subscription will not be cancelled")
        .contains("your access continues and billing goes on");
    assertThat(render(CustomerMessage.CANCELLATION_WITHDRAWN, MARIE).textBody())
        .contains("votre abonnement Premium Support ne sera pas résilié")
        .contains("Rien ne change pour vous" + NBSP + ": votre accès continue et la facturation se poursuit");
    assertThat(render(CustomerMessage.CANCELLATION_WITHDRAWN, JOHN, Map.of("plan", "<i>Pro</i> & Co")).htmlBody())
        .doesNotContain("<i>").contains("your &lt;i&gt;Pro&lt;/i&gt; &amp; Co subscription");

    assertThat(render(CustomerMessage.ACCESS_ENDED, JOHN).textBody())
        .contains("As scheduled, your access to your Premium Support subscription ended on 1 December 2026, 00:00 UTC.")
        .contains("Thank you");
    RenderedMessage french = render(CustomerMessage.ACCESS_ENDED, MARIE, Map.of("plan", "Premium Support",
        "accessEndedAt", Instant.parse("2026-11-21T14:30:00Z")));
    assertThat(french.subject()).isEqualTo("Votre demande CD-2026-000042" + NBSP + ": votre accès a pris fin");
    assertThat(french.textBody())
        .contains("Comme prévu, votre accès à votre abonnement Premium Support a pris fin le 21 novembre 2026 à 14:30 UTC.")
        .contains("Merci de votre confiance.");
  }

  @Test
  @DisplayName("CANCELLATION_CONFIRMED: a refund needs a positive amount; no refund carries none")
  void cancellationRefundAmountIsChecked() {
    assertThatThrownBy(() -> render(CustomerMessage.CANCELLATION_CONFIRMED, JOHN,
        cancellation("IMMEDIATE", "REFUND", null, "SC-3")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REFUND needs a positive parameter amount");
    assertThatThrownBy(() -> render(CustomerMessage.CANCELLATION_CONFIRMED, JOHN,
        cancellation("IMMEDIATE", "REFUND", Money.of(0, "EUR"), "SC-3")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REFUND needs a positive parameter amount");
    assertThatThrownBy(() -> render(CustomerMessage.CANCELLATION_CONFIRMED, JOHN,
        cancellation("IMMEDIATE", "NO_REFUND", Money.of(900, "EUR"), "SC-3")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO_REFUND must not carry parameter amount");
  }

  @Test
  @DisplayName("CANCELLATION_CONFIRMED: unknown mode, refund decision or rule, and missing parameters are refused")
  void cancellationValuesAreChecked() {
    assertThatThrownBy(() -> render(CustomerMessage.CANCELLATION_CONFIRMED, JOHN,
        cancellation("LATER", "NO_REFUND", null, "SC-3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter mode must be one of IMMEDIATE, END_OF_CYCLE, not LATER");
    assertThatThrownBy(() -> render(CustomerMessage.CANCELLATION_CONFIRMED, JOHN,
        cancellation("IMMEDIATE", "PARTIAL", null, "SC-3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter refundDecision must be one of REFUND, NO_REFUND, not PARTIAL");
    assertThatThrownBy(() -> render(CustomerMessage.CANCELLATION_CONFIRMED, JOHN,
        cancellation("IMMEDIATE", "NO_REFUND", null, "SC-9")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CANCELLATION_CONFIRMED cites an unknown rule SC-9");
    Map<String, Object> noDate = cancellation("IMMEDIATE", "NO_REFUND", null, "SC-3");
    noDate.remove("accessEndsAt");
    assertThatThrownBy(() -> render(CustomerMessage.CANCELLATION_CONFIRMED, JOHN, noDate))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs parameter accessEndsAt (Instant)");
    assertThatThrownBy(() -> render(CustomerMessage.CANCELLATION_WITHDRAWN, JOHN, Map.of("plan", " ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CANCELLATION_WITHDRAWN needs parameter plan");
    assertThatThrownBy(() -> render(CustomerMessage.ACCESS_ENDED, JOHN,
        Map.of("plan", "Premium", "accessEndsAt", SampleMessages.CYCLE_END)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ACCESS_ENDED has no parameter accessEndsAt");
  }

  @Test
  @DisplayName("RECHARGE_WAIT: the recharge amount, the 72-hour wait and the check date per language, no need to write again")
  void rechargeWait() {
    Map<String, Object> parameters = Map.of("amount", Money.of(123456, "EUR"),
        "checkAt", Instant.parse("2026-12-01T09:05:00Z"));

    RenderedMessage english = render(CustomerMessage.RECHARGE_WAIT, JOHN, parameters);
    assertThat(english.subject()).isEqualTo("Your request CD-2026-000042: we are checking your wallet recharge");
    assertThat(english.textBody())
        .contains("We have received your request CD-2026-000042 about your wallet recharge of 1,234.56 EUR.")
        .contains("can take up to 72 hours after payment")
        .contains("We will check it ourselves on 1 December 2026, 09:05 UTC and, if your payment went through,"
            + " credit your wallet. You do not need to write to us again.")
        .contains("If the recharge appears in your wallet before then, we will close your case and let you know.");

    RenderedMessage french = render(CustomerMessage.RECHARGE_WAIT, MARIE, parameters);
    assertThat(french.subject())
        .isEqualTo("Votre demande CD-2026-000042" + NBSP + ": nous vérifions la recharge de votre portefeuille");
    assertThat(french.textBody())
        .contains("au sujet de la recharge de 1" + NBSP + "234,56 EUR de votre portefeuille.")
        .contains("jusqu’à 72 heures après le paiement")
        .contains("Nous vérifierons nous-mêmes le 1er décembre 2026 à 09:05 UTC et, si votre paiement a bien abouti,"
            + " nous créditerons votre portefeuille. Vous n’avez pas besoin de nous écrire de nouveau.")
        .contains("nous clôturerons votre dossier et vous en informerons.");
  }

  @Test
  @DisplayName("RECHARGE_CREDITED: the amount per language and the WR-1 sentence (credit not refundable or withdrawable)")
  void rechargeCreditedCitesWr1() {
    RenderedMessage english = render(CustomerMessage.RECHARGE_CREDITED, JOHN);
    assertThat(english.subject()).isEqualTo("Your request CD-2026-000042: your wallet has been credited");
    assertThat(english.textBody())
        .contains("we have credited your wallet with 50.00 EUR for this recharge.")
        .contains("any future purchase. As our policy states:\n\n"
            + "Rule WR-1: Wallet credit cannot be refunded or withdrawn; it can only be used for future purchases.");
    assertThat(english.htmlBody())
        .contains("Rule WR-1: Wallet credit cannot be refunded or withdrawn; it can only be used for future purchases.");

    RenderedMessage french = render(CustomerMessage.RECHARGE_CREDITED, MARIE,
        Map.of("amount", Money.of(250000, "EUR")));
    assertThat(french.subject()).isEqualTo("Votre demande CD-2026-000042" + NBSP + ": votre portefeuille a été crédité");
    assertThat(french.textBody())
        .contains("nous avons crédité votre portefeuille de 2" + NBSP + "500,00 EUR pour cette recharge.")
        .contains("Comme le précisent nos conditions" + NBSP + ":\n\nRègle WR-1" + NBSP
            + ": Le crédit du portefeuille n’est ni remboursable ni retirable" + NBSP + "; il sert uniquement à de futurs achats.");
  }

  @Test
  @DisplayName("RECHARGE_ARRIVED: the amount reached the wallet (credited by the shop) and the case is closed")
  void rechargeArrived() {
    RenderedMessage english = render(CustomerMessage.RECHARGE_ARRIVED, JOHN);
    assertThat(english.subject()).isEqualTo("Your request CD-2026-000042: your recharge has arrived");
    assertThat(english.textBody())
        .contains("your recharge of 50.00 EUR has reached your wallet. Our shop credited it")
        .contains("We have therefore closed your request CD-2026-000042. You do not need to do anything else.")
        .doesNotContain("Rule ");

    RenderedMessage french = render(CustomerMessage.RECHARGE_ARRIVED, MARIE, Map.of("amount", Money.of(5000, "JPY")));
    assertThat(french.textBody())
        .contains("Bonne nouvelle" + NBSP + ": votre recharge de 5" + NBSP + "000 JPY est bien arrivée sur votre portefeuille.")
        .contains("Nous avons donc clôturé votre demande CD-2026-000042.");
  }

  @Test
  @DisplayName("RECHARGE_NOT_PAID: nothing was charged, nothing to credit, recharge again; the agent's words are optional")
  void rechargeNotPaid() {
    RenderedMessage english = render(CustomerMessage.RECHARGE_NOT_PAID, JOHN, Map.of());
    assertThat(english.subject()).isEqualTo("Your request CD-2026-000042: the payment did not go through");
    assertThat(english.textBody())
        .contains("Its payment was never completed: the amount was not captured, so nothing was charged to you"
            + " and there is nothing to credit to your wallet.")
        .contains("you can simply recharge it again.")
        .doesNotContain("Message from our support team");

    RenderedMessage french = render(CustomerMessage.RECHARGE_NOT_PAID, MARIE);
    assertThat(french.subject()).isEqualTo("Votre demande CD-2026-000042" + NBSP + ": le paiement n’a pas abouti");
    assertThat(french.textBody())
        .contains("Son paiement n’a jamais abouti" + NBSP + ": le montant n’a pas été encaissé, donc rien ne vous a été"
            + " débité et il n’y a rien à créditer sur votre portefeuille.")
        .contains("Message de notre équipe d’assistance" + NBSP + ":\n> We checked the booking")
        .contains("vous pouvez simplement le recharger de nouveau.");
  }

  @Test
  @DisplayName("recharge messages: a positive amount, a checkAt Instant, and no parameter they do not read")
  void rechargeParametersAreChecked() {
    for (CustomerMessage message : List.of(CustomerMessage.RECHARGE_WAIT, CustomerMessage.RECHARGE_CREDITED,
        CustomerMessage.RECHARGE_ARRIVED)) {
      Map<String, Object> zero = new HashMap<>(SampleMessages.parametersOf(message));
      zero.put("amount", Money.of(0, "EUR"));
      assertThatThrownBy(() -> render(message, JOHN, zero))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(message + " needs a positive parameter amount (Money)");
      Map<String, Object> none = new HashMap<>(SampleMessages.parametersOf(message));
      none.remove("amount");
      assertThatThrownBy(() -> render(message, JOHN, none))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message + " needs parameter amount (Money)");
      Map<String, Object> extra = new HashMap<>(SampleMessages.parametersOf(message));
      extra.put("agentMessage", "Hello");
      assertThatThrownBy(() -> render(message, JOHN, extra))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message + " has no parameter agentMessage");
    }
    assertThatThrownBy(() -> render(CustomerMessage.RECHARGE_WAIT, JOHN, Map.of("amount", SampleMessages.RECHARGE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RECHARGE_WAIT needs parameter checkAt (Instant)");
    assertThatThrownBy(() -> render(CustomerMessage.RECHARGE_WAIT, JOHN, Map.of("amount", SampleMessages.RECHARGE,
        "checkAt", "2026-11-24T14:30:00Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkAt must be a Instant, not a String");
    assertThatThrownBy(() -> render(CustomerMessage.RECHARGE_CREDITED, JOHN, Map.of("amount", 5000L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount must be a Money");
    assertThatThrownBy(() -> render(CustomerMessage.RECHARGE_NOT_PAID, JOHN, Map.of("amount", SampleMessages.RECHARGE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RECHARGE_NOT_PAID has no parameter amount");
    assertThat(render(CustomerMessage.RECHARGE_NOT_PAID, JOHN, Map.of("agentMessage", " ")).textBody())
        .doesNotContain("Message from our support team");
  }

  static Map<String, Object> resolution(String cause, String remedy, Money amount, String ruleId) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("cause", cause);
    parameters.put("remedy", remedy);
    if (amount != null) {
      parameters.put("amount", amount);
    }
    parameters.put("ruleId", ruleId);
    return parameters;
  }

  @Test
  @DisplayName("DISCREPANCY_RECEIVED (PD-1): the payment, its date per language, investigation started, reply date")
  void discrepancyReceived() {
    Map<String, Object> parameters = Map.of("amount", Money.of(123456, "EUR"),
        "capturedAt", Instant.parse("2026-09-01T08:05:00Z"), "replyDueBy", Instant.parse("2026-11-21T14:30:00Z"));

    RenderedMessage english = render(CustomerMessage.DISCREPANCY_RECEIVED, JOHN, parameters);
    assertThat(english.subject()).isEqualTo("Your payment report CD-2026-000042: our investigation has started");
    assertThat(english.textBody())
        .contains("We have received your report about the payment of 1,234.56 EUR made on 1 September 2026,"
            + " 08:05 UTC, and registered it under the reference CD-2026-000042.")
        .contains("We started our investigation at once: we are checking this payment against our own records"
            + " and those of our payment processor.")
        .contains("A member of our team will write to you by 21 November 2026, 14:30 UTC at the latest.");

    RenderedMessage french = render(CustomerMessage.DISCREPANCY_RECEIVED, MARIE, parameters);
    assertThat(french.subject()).isEqualTo("Votre signalement CD-2026-000042" + NBSP + ": notre enquête a commencé");
    assertThat(french.textBody())
        .contains("concernant le paiement de 1" + NBSP + "234,56 EUR effectué le 1er septembre 2026 à 08:05 UTC,"
            + " enregistré sous la référence CD-2026-000042.")
        .contains("Nous avons ouvert notre enquête immédiatement" + NBSP + ": nous vérifions ce paiement")
        .contains("Un membre de notre équipe vous écrira au plus tard le 21 novembre 2026 à 14:30 UTC.");
    assertThatThrownBy(() -> render(CustomerMessage.DISCREPANCY_RECEIVED, JOHN, Map.of("amount", Money.of(0, "EUR"),
        "capturedAt", SampleMessages.CAPTURED_AT, "replyDueBy", SampleMessages.DUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DISCREPANCY_RECEIVED needs a positive parameter amount (Money)");
  }

  @Test
  @DisplayName("DISCREPANCY_OUTSIDE_WINDOW cites PD-2, gives both dates per language, and where support still helps")
  void discrepancyOutsideWindowCitesPd2() {
    RenderedMessage english = render(CustomerMessage.DISCREPANCY_OUTSIDE_WINDOW, JOHN);
    assertThat(english.subject()).isEqualTo("Your payment report CD-2026-000042: outside the reporting period");
    assertThat(english.textBody())
        .contains("Payment problems must be reported within 60 days of the transaction, under the following rule"
            + " of our policy:\n\nRule PD-2: A payment problem must be reported within 60 days of the transaction"
            + " date.")
        .contains("This payment was made on 3 September 2026, 09:15 UTC, and the period for reporting it ended on"
            + " 2 November 2026, 09:15 UTC. We are sorry, but we therefore cannot open an investigation")
        .contains("Our support team will still gladly help you: please write to support@loop.example, quoting the"
            + " reference CD-2026-000042.");
    assertThat(english.htmlBody()).contains("Rule PD-2: A payment problem must be reported within 60 days");

    RenderedMessage french = render(CustomerMessage.DISCREPANCY_OUTSIDE_WINDOW, MARIE);
    assertThat(french.textBody())
        .contains("Règle PD-2" + NBSP + ": Un problème de paiement doit être signalé dans les 60 jours suivant la date"
            + " de la transaction.")
        .contains("Ce paiement a été effectué le 3 septembre 2026 à 09:15 UTC, et le délai pour le signaler a pris fin"
            + " le 2 novembre 2026 à 09:15 UTC.")
        .contains("écrivez-nous à support@loop.example en indiquant la référence CD-2026-000042.");

    Map<String, Object> noAddress = new HashMap<>(
        SampleMessages.parametersOf(CustomerMessage.DISCREPANCY_OUTSIDE_WINDOW));
    noAddress.put("supportContact", "our support team");
    assertThatThrownBy(() -> render(CustomerMessage.DISCREPANCY_OUTSIDE_WINDOW, JOHN, noAddress))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("supportContact must be an email address");
  }

  @Test
  @DisplayName("DISCREPANCY_DETAILS_REQUESTED and _REMINDER: the question, a file or a note by a date, case stays open")
  void discrepancyDetails() {
    RenderedMessage requested = render(CustomerMessage.DISCREPANCY_DETAILS_REQUESTED, JOHN, Map.of(
        "agentMessage", "Which card did you pay with?", "respondBy", SampleMessages.DUE));
    assertThat(requested.subject()).isEqualTo("Your payment report CD-2026-000042: we need more details");
    assertThat(requested.textBody())
        .contains("What we need:\n> Which card did you pay with?")
        .contains("Please add them on your case page by 21 November 2026, 14:30 UTC, as a file or as a text note.")
        .contains("we will continue our investigation with the information we already have. Your case stays open.")
        .doesNotContain("close your case");
    assertThat(render(CustomerMessage.DISCREPANCY_DETAILS_REQUESTED, MARIE).textBody())
        .contains("Ce dont nous avons besoin" + NBSP + ":\n> We checked the booking")
        .contains("au plus tard le 21 novembre 2026 à 14:30 UTC, sous forme de fichier ou de note écrite.")
        .contains("nous poursuivrons notre enquête avec les éléments dont nous disposons. Votre dossier reste ouvert.");

    RenderedMessage reminder = render(CustomerMessage.DISCREPANCY_DETAILS_REMINDER, JOHN);
    assertThat(reminder.subject())
        .isEqualTo("Reminder: your payment report CD-2026-000042 is waiting for your details");
    assertThat(reminder.textBody()).contains("by 21 November 2026, 14:30 UTC, as a file or as a text note.")
        .contains("Your case stays open.");
    assertThat(render(CustomerMessage.DISCREPANCY_DETAILS_REMINDER, MARIE).textBody())
        .contains("Nous attendons toujours les précisions demandées pour votre signalement CD-2026-000042.")
        .contains("Votre dossier reste ouvert.");
  }

  @Test
  @DisplayName("DISCREPANCY_PROCESSOR_CONSULTED (PD-3): the processor or the bank, the answer date, nothing to do")
  void discrepancyProcessorConsulted() {
    assertThat(render(CustomerMessage.DISCREPANCY_PROCESSOR_CONSULTED, JOHN).textBody())
        .contains("we have asked our payment processor for its records of this payment.")
        .contains("We expect their answer by 21 November 2026, 14:30 UTC and will write to you again then.")
        .contains("You do not need to do anything in the meantime.");
    Map<String, Object> bank = Map.of("institution", "BANK", "answerDueBy", Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(render(CustomerMessage.DISCREPANCY_PROCESSOR_CONSULTED, JOHN, bank).textBody())
        .contains("we have asked the bank involved for its records of this payment.")
        .doesNotContain("payment processor");
    assertThat(render(CustomerMessage.DISCREPANCY_PROCESSOR_CONSULTED, MARIE, bank).textBody())
        .contains("nous avons demandé à la banque concernée ses données sur ce paiement.")
        .contains("Nous attendons sa réponse au plus tard le 1er décembre 2026 à 09:00 UTC");
    assertThatThrownBy(() -> render(CustomerMessage.DISCREPANCY_PROCESSOR_CONSULTED, JOHN,
        Map.of("institution", "CARD_SCHEME", "answerDueBy", SampleMessages.DUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter institution must be one of PROCESSOR, BANK, not CARD_SCHEME");
  }

  @Test
  @DisplayName("DISCREPANCY_RESOLVED with a refund (PD-4): finding, amount refunded, rule, document, follow-up")
  void discrepancyResolvedWithRefund() {
    RenderedMessage english = render(CustomerMessage.DISCREPANCY_RESOLVED, JOHN);
    assertThat(english.subject()).isEqualTo("Your payment report CD-2026-000042: our investigation is complete");
    assertThat(english.textBody())
        .contains("We have completed our investigation into your report CD-2026-000042.\n\n"
            + "We found that you were charged twice for the same purchase. The error was ours.\n\n"
            + "We have refunded 49.90 EUR to your original means of payment. Depending on your bank, it may take"
            + " a few business days to appear on your statement.\n\n"
            + "Rule PD-4: We correct our own errors, including unauthorised transactions caused by flaws in our"
            + " security, with a refund or a balance adjustment.")
        .contains("Message from our support team:\n> We checked the booking")
        .contains("The attached document records our investigation and its outcome. You can also download it at"
            + " any time on your case page.")
        .contains("In a few days, we will check with you that you are satisfied");
    RenderedMessage french = render(CustomerMessage.DISCREPANCY_RESOLVED, MARIE,
        resolution("OVERCHARGED", "REFUND", Money.of(123456, "EUR"), "PD-4"));
    assertThat(french.subject()).isEqualTo("Votre signalement CD-2026-000042" + NBSP + ": notre enquête est terminée");
    assertThat(french.textBody())
        .contains("Nous avons constaté qu’un montant supérieur à celui dû vous a été débité. L’erreur vient de nous.")
        .contains("Nous vous avons remboursé 1" + NBSP + "234,56 EUR sur votre moyen de paiement d’origine.")
        .contains("Règle PD-4" + NBSP + ": Nous corrigeons nos propres erreurs")
        .contains("Le document joint retrace notre enquête et sa conclusion.")
        .contains("Dans quelques jours, nous reviendrons vers vous")
        .doesNotContain("Message de notre équipe");
  }

  @Test
  @DisplayName("DISCREPANCY_RESOLVED with a balance adjustment (PD-4): the amount credited to the wallet")
  void discrepancyResolvedWithBalanceAdjustment() {
    Map<String, Object> parameters = resolution("UNAUTHORIZED_MERCHANT_SECURITY", "BALANCE_ADJUSTMENT",
        Money.of(2500, "EUR"), "PD-4");

    assertThat(render(CustomerMessage.DISCREPANCY_RESOLVED, JOHN, parameters).textBody())
        .contains("you did not authorise this payment and that it was made possible by a flaw in our security.")
        .contains("We have adjusted your account balance by 25.00 EUR: the amount has been credited to your wallet.")
        .doesNotContain("refunded");
    assertThat(render(CustomerMessage.DISCREPANCY_RESOLVED, MARIE, parameters).textBody())
        .contains("une faille de notre sécurité. Nous en assumons l’entière responsabilité.")
        .contains("Nous avons ajusté le solde de votre compte de 25,00 EUR" + NBSP
            + ": ce montant a été crédité sur votre portefeuille.");
  }

  static Stream<Arguments> assistanceByCause() {
    return Stream.of(
        Arguments.of("CUSTOMER_ERROR", "the payment details given for this payment were incorrect",
            "help you correct your payment details",
            "les coordonnées de paiement indiquées pour ce paiement étaient erronées",
            "nous vous aiderons volontiers à corriger vos coordonnées de paiement"),
        Arguments.of("FRAUD_NOT_MERCHANT",
            "this payment was fraudulent, and that the fraud is not linked to our security",
            "please contact your bank or card issuer to dispute the payment. If they need it, we can provide them"
                + " with the documentation of our investigation.",
            "ce paiement est frauduleux",
            "contactez votre banque ou l’émetteur de votre carte pour contester ce paiement"),
        Arguments.of("THIRD_PARTY_ISSUE", "the problem arose at the payment processor or the bank, not on our side",
            "we have raised the problem with the payment processor or bank concerned",
            "le problème est survenu chez le prestataire de paiement ou la banque",
            "nous avons signalé le problème à l’établissement concerné"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assistanceByCause")
  @DisplayName("DISCREPANCY_RESOLVED with assistance (PD-5): not our liability, how we help, per cause and language")
  void discrepancyResolvedWithAssistance(String cause, String englishFinding, String englishHelp,
      String frenchFinding, String frenchHelp) {
    Map<String, Object> parameters = resolution(cause, "ASSISTANCE", null, "PD-5");

    assertThat(render(CustomerMessage.DISCREPANCY_RESOLVED, JOHN, parameters).textBody())
        .contains("We found that " + englishFinding)
        .contains("This is not something we are liable for under our policy, but ")
        .contains(englishHelp)
        .contains("Rule PD-5: We are not liable for errors in the payment details a customer entered")
        .contains("The attached document records our investigation")
        .doesNotContain("refunded").doesNotContain("EUR");
    assertThat(render(CustomerMessage.DISCREPANCY_RESOLVED, MARIE, parameters).textBody())
        .contains(frenchFinding)
        .contains("Ce cas ne relève pas de notre responsabilité selon nos conditions, mais ")
        .contains(frenchHelp)
        .contains("Règle PD-5" + NBSP + ": Nous ne sommes pas responsables");
  }

  @Test
  @DisplayName("DISCREPANCY_RESOLVED with no discrepancy: the payment is correct, nothing to change")
  void discrepancyResolvedWithoutDiscrepancy() {
    Map<String, Object> parameters = resolution("NO_DISCREPANCY", "NONE", null, "PD-3");

    assertThat(render(CustomerMessage.DISCREPANCY_RESOLVED, JOHN, parameters).textBody())
        .contains("We found no error: this payment was charged correctly, for the amount that was due.")
        .contains("The payment is correct, so there is nothing to change on your account.")
        .contains("Rule PD-3: We investigate with the payment processor");
    assertThat(render(CustomerMessage.DISCREPANCY_RESOLVED, MARIE, parameters).textBody())
        .contains("Nous n’avons constaté aucune erreur" + NBSP + ": ce paiement a été débité correctement")
        .contains("Ce paiement est correct" + NBSP + ": il n’y a donc rien à modifier sur votre compte.");
  }

  @Test
  @DisplayName("DISCREPANCY_RESOLVED: the amount goes with a refund or an adjustment only; cause and remedy must agree")
  void discrepancyResolutionIsChecked() {
    Money amount = Money.of(4990, "EUR");
    Map<Map<String, Object>, String> refused = Map.of(
        resolution("DUPLICATE_CHARGE", "REFUND", null, "PD-4"), "with REFUND needs a positive parameter amount",
        resolution("OVERCHARGED", "BALANCE_ADJUSTMENT", Money.of(0, "EUR"), "PD-4"),
        "with BALANCE_ADJUSTMENT needs a positive parameter amount",
        resolution("CUSTOMER_ERROR", "ASSISTANCE", amount, "PD-5"), "with ASSISTANCE must not carry parameter amount",
        resolution("MERCHANT_ERROR", "ASSISTANCE", null, "PD-4"),
        "ASSISTANCE needs a cause we are not liable for (CUSTOMER_ERROR, FRAUD_NOT_MERCHANT, THIRD_PARTY_ISSUE)",
        resolution("THIRD_PARTY_ISSUE", "NONE", null, "PD-5"), "remedy NONE goes with cause NO_DISCREPANCY",
        resolution("NO_DISCREPANCY", "REFUND", amount, "PD-4"), "remedy NONE goes with cause NO_DISCREPANCY",
        resolution("LOST_IN_TRANSIT", "REFUND", amount, "PD-4"), "parameter cause must be one of DUPLICATE_CHARGE",
        resolution("DUPLICATE_CHARGE", "CHARGEBACK", amount, "PD-4"),
        "parameter remedy must be one of REFUND, BALANCE_ADJUSTMENT, ASSISTANCE, NONE, not CHARGEBACK",
        resolution("DUPLICATE_CHARGE", "REFUND", amount, "PD-7"), "DISCREPANCY_RESOLVED cites an unknown rule PD-7");
    refused.forEach((parameters, problem) -> assertThatThrownBy(
        () -> render(CustomerMessage.DISCREPANCY_RESOLVED, JOHN, parameters))
        .as(parameters.toString())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(problem));
    Map<String, Object> noCause = resolution("DUPLICATE_CHARGE", "REFUND", amount, "PD-4");
    noCause.remove("cause");
    assertThatThrownBy(() -> render(CustomerMessage.DISCREPANCY_RESOLVED, JOHN, noCause))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs parameter cause (String)");
  }

  @Test
  @DisplayName("DISCREPANCY_FOLLOW_UP (PD-6), _REOPENED, _RESOLUTION_UPHELD: satisfied?, manager review, closed")
  void discrepancyFollowUpAndReview() {
    RenderedMessage followUp = render(CustomerMessage.DISCREPANCY_FOLLOW_UP, JOHN);
    assertThat(followUp.subject()).isEqualTo("Your payment report CD-2026-000042: are you satisfied?");
    assertThat(followUp.textBody())
        .contains("whether you are satisfied with how the dispute was resolved.")
        .contains("Please answer on your case page by 21 November 2026, 14:30 UTC: tell us whether you are satisfied"
            + " or not, with a comment if you wish.")
        .contains("If you are not satisfied, we will reopen our investigation and a manager will review your case.");
    RenderedMessage suivi = render(CustomerMessage.DISCREPANCY_FOLLOW_UP, MARIE);
    assertThat(suivi.subject())
        .isEqualTo("Votre signalement CD-2026-000042" + NBSP + ": la résolution vous convient-elle" + NBSP + "?");
    assertThat(suivi.textBody()).contains("au plus tard le 21 novembre 2026 à 14:30 UTC" + NBSP + ": indiquez si")
        .contains("un responsable réexaminera votre dossier.");

    assertThat(render(CustomerMessage.DISCREPANCY_REOPENED, JOHN).textBody())
        .contains("We are sorry that you are not satisfied with how your report CD-2026-000042 was resolved.")
        .contains("We have reopened our investigation, and a manager is now reviewing your case.")
        .contains("We will write to you by 21 November 2026, 14:30 UTC at the latest.");
    assertThat(render(CustomerMessage.DISCREPANCY_REOPENED, MARIE).textBody())
        .contains("Nous avons rouvert notre enquête, et un responsable réexamine maintenant votre dossier.")
        .contains("Nous vous écrirons au plus tard le 21 novembre 2026 à 14:30 UTC.");

    RenderedMessage upheld = render(CustomerMessage.DISCREPANCY_RESOLUTION_UPHELD, JOHN,
        Map.of("agentMessage", "The <b>second</b> charge was a pre-authorisation, released on 5 September."));
    assertThat(upheld.textBody())
        .contains("A manager has reviewed your report CD-2026-000042 again and confirms our resolution:\n"
            + "> The <b>second</b> charge was a pre-authorisation, released on 5 September.")
        .contains("Your case is now closed. The documentation we sent you remains valid.");
    assertThat(upheld.htmlBody()).doesNotContain("<b>").contains("&lt;b&gt;second&lt;/b&gt;");
    assertThat(render(CustomerMessage.DISCREPANCY_RESOLUTION_UPHELD, MARIE).textBody())
        .contains("Un responsable a réexaminé votre signalement CD-2026-000042 et confirme notre résolution"
            + NBSP + ":")
        .contains("Votre dossier est maintenant clos. La documentation que nous vous avons envoyée reste valable.");
    assertThatThrownBy(() -> render(CustomerMessage.DISCREPANCY_RESOLUTION_UPHELD, JOHN, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs parameter agentMessage");
  }

  @Test
  @DisplayName("a link that is not http(s) is refused")
  void linkMustBeHttp() {
    assertThatThrownBy(() -> renderer.render(CustomerMessage.CLOSED_NO_RESPONSE, REFERENCE, JOHN,
        "javascript:alert(1)", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("javascript");
  }

  @Test
  @DisplayName("a sentence missing from the bundle stops the message, naming the key, instead of sending ??key??")
  void missingSentenceFails() {
    CustomerMessageRenderer incomplete = new CustomerMessageRenderer("mail/incomplete-messages");

    assertThatThrownBy(() -> incomplete.render(CustomerMessage.CLOSED_NO_RESPONSE, REFERENCE, JOHN, LINK, Map.of()))
        .hasStackTraceContaining("CLOSED_NO_RESPONSE.next");
    assertThatThrownBy(() -> incomplete.render(CustomerMessage.CLOSED_NO_RESPONSE, REFERENCE, JOHN, LINK, Map.of()))
        .hasRootCauseInstanceOf(org.springframework.context.NoSuchMessageException.class);
  }
}
