package org.claimdesk.notification;

import static org.claimdesk.notification.MessageParameters.ACCESS_ENDED_AT;
import static org.claimdesk.notification.MessageParameters.ACCESS_ENDS_AT;
import static org.claimdesk.notification.MessageParameters.AGENT_MESSAGE;
import static org.claimdesk.notification.MessageParameters.AMOUNT;
import static org.claimdesk.notification.MessageParameters.ANSWER_DUE_BY;
import static org.claimdesk.notification.MessageParameters.ASSISTANCE;
import static org.claimdesk.notification.MessageParameters.CAPTURED_AT;
import static org.claimdesk.notification.MessageParameters.CAUSE;
import static org.claimdesk.notification.MessageParameters.CHECK_AT;
import static org.claimdesk.notification.MessageParameters.DESCRIPTION;
import static org.claimdesk.notification.MessageParameters.END_OF_CYCLE;
import static org.claimdesk.notification.MessageParameters.EVIDENCE_REQUIRED;
import static org.claimdesk.notification.MessageParameters.INSTITUTION;
import static org.claimdesk.notification.MessageParameters.MODE;
import static org.claimdesk.notification.MessageParameters.PLAN;
import static org.claimdesk.notification.MessageParameters.REFUND;
import static org.claimdesk.notification.MessageParameters.REFUND_DECISION;
import static org.claimdesk.notification.MessageParameters.REMEDY;
import static org.claimdesk.notification.MessageParameters.REPLY_DUE_BY;
import static org.claimdesk.notification.MessageParameters.RESPOND_BY;
import static org.claimdesk.notification.MessageParameters.RULE_ID;
import static org.claimdesk.notification.MessageParameters.SUPPORT_CONTACT;
import static org.claimdesk.notification.MessageParameters.WINDOW_ENDED_AT;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.claimdesk.cases.CustomerContact;
import org.claimdesk.cases.OfferType;
import org.claimdesk.commerce.Money;
import org.claimdesk.notification.MailLayout.Block;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a {@link CustomerMessage} in the customer's language (English, or French for a French
 * contact). The sentences live in the bundles {@code mail/customer-messages.properties} (English)
 * and {@code mail/customer-messages_fr.properties}; which sentences a message is made of is decided
 * here, one method per message; the Thymeleaf layouts {@code templates/mail/customer-message.txt}
 * and {@code .html} lay them out. Every message greets the customer, says what happens next and
 * by when, and ends with the private link to the case. A refusal cites the rule ID and the rule in
 * one plain sentence ({@code rule.<ID>} in the bundles).
 */
@Component
class CustomerMessageRenderer {

  /** The policy rules a message may cite (docs/policies/README.md), each with a sentence in both bundles. */
  static final List<String> RULE_IDS = Stream.of(
      ids("RF", 9), ids("SC", 4), ids("PD", 6), ids("WR", 2), ids("SL", 3))
      .flatMap(List::stream).toList();

  /** The rule RECHARGE_CREDITED cites: wallet credit is for future purchases, never refunded or withdrawn. */
  static final String WALLET_CREDIT_RULE = "WR-1";

  /** The rule DISCREPANCY_OUTSIDE_WINDOW cites: payment problems are reported within 60 days. */
  static final String DISCREPANCY_WINDOW_RULE = "PD-2";

  static final String BUNDLE = "mail/customer-messages";
  private static final String TEXT_TEMPLATE = "customer-message.txt";
  private static final String HTML_TEMPLATE = "customer-message.html";

  private final MessageSource texts;
  private final SpringTemplateEngine templates;

  CustomerMessageRenderer() {
    ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
    bundle.setBasename(BUNDLE);
    bundle.setDefaultEncoding(StandardCharsets.UTF_8.name());
    // English is the file without suffix; never fall back to the server's own locale.
    bundle.setFallbackToSystemLocale(false);
    // Every text goes through MessageFormat, so the bundles have one quoting rule (and use ’).
    bundle.setAlwaysUseMessageFormat(true);
    this.texts = bundle;
    this.templates = new SpringTemplateEngine();
    templates.addTemplateResolver(resolver(TemplateMode.TEXT, TEXT_TEMPLATE, 1));
    templates.addTemplateResolver(resolver(TemplateMode.HTML, HTML_TEMPLATE, 2));
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String template, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(template));
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }

  private static List<String> ids(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(n -> prefix + "-" + n).toList();
  }

  /**
   * @throws IllegalArgumentException for a parameter the message does not read, a missing or
   *     blank required one, one of the wrong type, or an unknown rule ID
   */
  RenderedMessage render(CustomerMessage message, String reference, CustomerContact contact,
      String privateLink, Map<String, ?> parameters) {
    Objects.requireNonNull(message, "message");
    requireText(reference, "reference");
    Objects.requireNonNull(contact, "contact");
    requireText(privateLink, "privateLink");
    if (!privateLink.startsWith("https://") && !privateLink.startsWith("http://")) {
      throw new IllegalArgumentException("The private link of case " + reference + " is not an http(s) URL");
    }
    MessageParameters checked = MessageParameters.check(message, parameters);
    Locale language = LocalizedFormats.supportedLanguage(contact.language());
    Texts t = new Texts(texts, language);
    LocalizedFormats formats = LocalizedFormats.of(language);

    List<Block> blocks = switch (message) {
      case CLAIM_RECEIVED -> claimReceived(t, formats, reference, checked);
      case CLAIM_REFUSED -> claimRefused(t, reference, checked);
      case AGENT_REPLY -> List.of(
          Block.quote(t.get("AGENT_REPLY.intro", reference), checked.text(AGENT_MESSAGE)),
          t.paragraph("AGENT_REPLY.next"));
      case EVIDENCE_REQUESTED -> List.of(
          t.paragraph("EVIDENCE_REQUESTED.intro", reference),
          Block.quote(t.get("EVIDENCE_REQUESTED.what"), checked.text(AGENT_MESSAGE)),
          t.paragraph("EVIDENCE_REQUESTED.howTo", formats.dateTime(checked.instant(RESPOND_BY))),
          t.paragraph("EVIDENCE_REQUESTED.next"));
      case EVIDENCE_REMINDER -> List.of(
          t.paragraph("EVIDENCE_REMINDER.intro", reference),
          t.paragraph("EVIDENCE_REMINDER.howTo", formats.dateTime(checked.instant(RESPOND_BY))),
          t.paragraph("EVIDENCE_REMINDER.next"));
      case OFFER_MADE -> offerMade(t, formats, reference, checked);
      case OFFER_REMINDER -> List.of(
          t.paragraph("OFFER_REMINDER.intro", reference),
          t.paragraph("OFFER_REMINDER.howTo", formats.dateTime(checked.instant(RESPOND_BY))),
          t.paragraph("OFFER_REMINDER.next"));
      case CLOSED_NO_RESPONSE -> List.of(
          t.paragraph("CLOSED_NO_RESPONSE.intro", reference),
          t.paragraph("CLOSED_NO_RESPONSE.next"));
      case FIX_CONFIRMED -> List.of(
          t.paragraph("FIX_CONFIRMED.intro", reference),
          Block.quote(t.get("common.agentMessage"), checked.text(AGENT_MESSAGE)),
          t.paragraph("FIX_CONFIRMED.next", reference));
      case REFUND_PAID -> List.of(
          t.paragraph("REFUND_PAID.intro", formats.money(checked.money(AMOUNT))),
          t.paragraph("REFUND_PAID.next"));
      case CREDIT_ADDED -> List.of(
          t.paragraph("CREDIT_ADDED.intro", formats.money(checked.money(AMOUNT))),
          t.paragraph("CREDIT_ADDED.next"));
      case ALTERNATIVE_AGREED -> List.of(
          Block.quote(t.get("ALTERNATIVE_AGREED.intro"), checked.text(DESCRIPTION)),
          t.paragraph("ALTERNATIVE_AGREED.next"));
      case FEEDBACK_REQUESTED -> List.of(
          t.paragraph("FEEDBACK_REQUESTED.intro", reference),
          t.paragraph("FEEDBACK_REQUESTED.howTo", formats.dateTime(checked.instant(RESPOND_BY))));
      case CANCELLATION_CONFIRMED -> cancellationConfirmed(t, formats, reference, checked);
      case CANCELLATION_WITHDRAWN -> List.of(
          t.paragraph("CANCELLATION_WITHDRAWN.intro", reference, checked.text(PLAN)),
          t.paragraph("CANCELLATION_WITHDRAWN.next"));
      case ACCESS_ENDED -> List.of(
          t.paragraph("ACCESS_ENDED.intro", checked.text(PLAN), formats.dateTime(checked.instant(ACCESS_ENDED_AT))),
          t.paragraph("ACCESS_ENDED.next"));
      case RECHARGE_WAIT -> List.of(
          t.paragraph("RECHARGE_WAIT.intro", reference, formats.money(checked.money(AMOUNT))),
          t.paragraph("RECHARGE_WAIT.wait"),
          t.paragraph("RECHARGE_WAIT.check", formats.dateTime(checked.instant(CHECK_AT))),
          t.paragraph("RECHARGE_WAIT.next"));
      case RECHARGE_CREDITED -> List.of(
          t.paragraph("RECHARGE_CREDITED.intro", reference, formats.money(checked.money(AMOUNT))),
          t.paragraph("RECHARGE_CREDITED.use"),
          Block.rule(t.get("RECHARGE_CREDITED.rule", WALLET_CREDIT_RULE, t.get("rule." + WALLET_CREDIT_RULE))),
          t.paragraph("RECHARGE_CREDITED.next"));
      case RECHARGE_ARRIVED -> List.of(
          t.paragraph("RECHARGE_ARRIVED.intro", formats.money(checked.money(AMOUNT))),
          t.paragraph("RECHARGE_ARRIVED.next", reference));
      case RECHARGE_NOT_PAID -> rechargeNotPaid(t, reference, checked);
      case DISCREPANCY_RECEIVED -> List.of(
          t.paragraph("DISCREPANCY_RECEIVED.intro", reference, formats.money(checked.money(AMOUNT)),
              formats.dateTime(checked.instant(CAPTURED_AT))),
          t.paragraph("DISCREPANCY_RECEIVED.investigation"),
          t.paragraph("DISCREPANCY_RECEIVED.reply", formats.dateTime(checked.instant(REPLY_DUE_BY))),
          t.paragraph("DISCREPANCY_RECEIVED.next"));
      case DISCREPANCY_OUTSIDE_WINDOW -> List.of(
          t.paragraph("DISCREPANCY_OUTSIDE_WINDOW.intro", reference),
          Block.rule(t.get("DISCREPANCY_OUTSIDE_WINDOW.rule", DISCREPANCY_WINDOW_RULE,
              t.get("rule." + DISCREPANCY_WINDOW_RULE))),
          t.paragraph("DISCREPANCY_OUTSIDE_WINDOW.dates", formats.dateTime(checked.instant(CAPTURED_AT)),
              formats.dateTime(checked.instant(WINDOW_ENDED_AT))),
          t.paragraph("DISCREPANCY_OUTSIDE_WINDOW.help", checked.text(SUPPORT_CONTACT).strip(), reference));
      case DISCREPANCY_DETAILS_REQUESTED -> List.of(
          t.paragraph("DISCREPANCY_DETAILS_REQUESTED.intro", reference),
          Block.quote(t.get("DISCREPANCY_DETAILS_REQUESTED.what"), checked.text(AGENT_MESSAGE)),
          t.paragraph("DISCREPANCY_DETAILS_REQUESTED.howTo", formats.dateTime(checked.instant(RESPOND_BY))),
          t.paragraph("DISCREPANCY_DETAILS_REQUESTED.next"));
      case DISCREPANCY_DETAILS_REMINDER -> List.of(
          t.paragraph("DISCREPANCY_DETAILS_REMINDER.intro", reference),
          t.paragraph("DISCREPANCY_DETAILS_REMINDER.howTo", formats.dateTime(checked.instant(RESPOND_BY))),
          t.paragraph("DISCREPANCY_DETAILS_REMINDER.next"));
      case DISCREPANCY_PROCESSOR_CONSULTED -> List.of(
          t.paragraph("DISCREPANCY_PROCESSOR_CONSULTED.intro." + checked.text(INSTITUTION), reference),
          t.paragraph("DISCREPANCY_PROCESSOR_CONSULTED.answer", formats.dateTime(checked.instant(ANSWER_DUE_BY))),
          t.paragraph("DISCREPANCY_PROCESSOR_CONSULTED.next"));
      case DISCREPANCY_RESOLVED -> discrepancyResolved(t, formats, reference, checked);
      case DISCREPANCY_FOLLOW_UP -> List.of(
          t.paragraph("DISCREPANCY_FOLLOW_UP.intro", reference),
          t.paragraph("DISCREPANCY_FOLLOW_UP.howTo", formats.dateTime(checked.instant(RESPOND_BY))),
          t.paragraph("DISCREPANCY_FOLLOW_UP.next"));
      case DISCREPANCY_REOPENED -> List.of(
          t.paragraph("DISCREPANCY_REOPENED.intro", reference),
          t.paragraph("DISCREPANCY_REOPENED.review"),
          t.paragraph("DISCREPANCY_REOPENED.reply", formats.dateTime(checked.instant(REPLY_DUE_BY))));
      case DISCREPANCY_RESOLUTION_UPHELD -> List.of(
          Block.quote(t.get("DISCREPANCY_RESOLUTION_UPHELD.intro", reference), checked.text(AGENT_MESSAGE)),
          t.paragraph("DISCREPANCY_RESOLUTION_UPHELD.next"));
    };

    String name = contact.name() == null ? "" : contact.name().strip();
    MailLayout layout = new MailLayout(
        language.getLanguage(),
        t.get(message.name() + ".subject", reference),
        name.isEmpty() ? t.get("common.greeting.noName") : t.get("common.greeting", name),
        blocks,
        t.get("common.signOff"),
        t.get("common.signature"),
        t.get("common.link", reference),
        privateLink);
    return new RenderedMessage(language, layout.subject(),
        tidy(render(TEXT_TEMPLATE, layout, language, true)) + "\n",
        render(HTML_TEMPLATE, layout, language, true),
        tidy(render(TEXT_TEMPLATE, layout, language, false)));
  }

  private static List<Block> claimReceived(Texts t, LocalizedFormats formats, String reference,
      MessageParameters p) {
    return List.of(
        t.paragraph("CLAIM_RECEIVED.intro", reference),
        t.paragraph("CLAIM_RECEIVED.reply", formats.dateTime(p.instant(REPLY_DUE_BY))),
        t.paragraph(p.flag(EVIDENCE_REQUIRED) ? "CLAIM_RECEIVED.evidence" : "CLAIM_RECEIVED.noAction"));
  }

  private static List<Block> claimRefused(Texts t, String reference, MessageParameters p) {
    String ruleId = citedRule(CustomerMessage.CLAIM_REFUSED, p);
    List<Block> blocks = new ArrayList<>();
    blocks.add(t.paragraph("CLAIM_REFUSED.intro", reference));
    blocks.add(Block.rule(t.get("CLAIM_REFUSED.rule", ruleId, t.get("rule." + ruleId))));
    p.optionalText(AGENT_MESSAGE)
        .ifPresent(text -> blocks.add(Block.quote(t.get("common.agentMessage"), text)));
    blocks.add(t.paragraph("CLAIM_REFUSED.next", reference));
    return blocks;
  }

  /** The rule ID a message cites, checked against the catalogue. */
  private static String citedRule(CustomerMessage message, MessageParameters p) {
    String ruleId = p.text(RULE_ID).strip();
    if (!RULE_IDS.contains(ruleId)) {
      throw new IllegalArgumentException(message + " cites an unknown rule " + ruleId
          + "; known rules: " + RULE_IDS);
    }
    return ruleId;
  }

  /**
   * No further payment (SC-1), when access ends (SC-2), the refund decision with its rule (SC-3,
   * SC-4), the agent's words if any, and for a cancellation at the end of the cycle without a
   * refund, until when it can be withdrawn (once money went back, a cancellation cannot be).
   */
  private static List<Block> cancellationConfirmed(Texts t, LocalizedFormats formats, String reference,
      MessageParameters p) {
    String ruleId = citedRule(CustomerMessage.CANCELLATION_CONFIRMED, p);
    boolean endOfCycle = p.text(MODE).equals(END_OF_CYCLE);
    String accessEndsAt = formats.dateTime(p.instant(ACCESS_ENDS_AT));
    List<Block> blocks = new ArrayList<>();
    blocks.add(t.paragraph("CANCELLATION_CONFIRMED.intro", reference, p.text(PLAN)));
    blocks.add(endOfCycle
        ? t.paragraph("CANCELLATION_CONFIRMED.access.END_OF_CYCLE", accessEndsAt)
        : t.paragraph("CANCELLATION_CONFIRMED.access.IMMEDIATE"));
    blocks.add(p.text(REFUND_DECISION).equals(REFUND)
        ? t.paragraph("CANCELLATION_CONFIRMED.refund", formats.money(p.money(AMOUNT)))
        : t.paragraph("CANCELLATION_CONFIRMED.noRefund"));
    blocks.add(Block.rule(t.get("CANCELLATION_CONFIRMED.rule", ruleId, t.get("rule." + ruleId))));
    p.optionalText(AGENT_MESSAGE)
        .ifPresent(text -> blocks.add(Block.quote(t.get("common.agentMessage"), text)));
    if (endOfCycle && !p.text(REFUND_DECISION).equals(REFUND)) {
      blocks.add(t.paragraph("CANCELLATION_CONFIRMED.withdraw", accessEndsAt));
    }
    return blocks;
  }

  /**
   * The investigation is complete (PD-6): what it found, what we did (a refund or balance
   * adjustment for our errors, PD-4; how we help where we are not liable, PD-5, which depends on
   * the cause; or nothing, the payment being correct), the rule, the agent's words if any, the
   * attached document, and the follow-up to come.
   */
  private static List<Block> discrepancyResolved(Texts t, LocalizedFormats formats, String reference,
      MessageParameters p) {
    String ruleId = citedRule(CustomerMessage.DISCREPANCY_RESOLVED, p);
    String cause = p.text(CAUSE);
    String remedy = p.text(REMEDY);
    List<Block> blocks = new ArrayList<>();
    blocks.add(t.paragraph("DISCREPANCY_RESOLVED.intro", reference));
    blocks.add(t.paragraph("DISCREPANCY_RESOLVED.cause." + cause));
    blocks.add(switch (remedy) {
      case ASSISTANCE -> t.paragraph("DISCREPANCY_RESOLVED.remedy.ASSISTANCE." + cause);
      case MessageParameters.NONE -> t.paragraph("DISCREPANCY_RESOLVED.remedy.NONE");
      default -> t.paragraph("DISCREPANCY_RESOLVED.remedy." + remedy, formats.money(p.money(AMOUNT)));
    });
    blocks.add(Block.rule(t.get("DISCREPANCY_RESOLVED.rule", ruleId, t.get("rule." + ruleId))));
    p.optionalText(AGENT_MESSAGE)
        .ifPresent(text -> blocks.add(Block.quote(t.get("common.agentMessage"), text)));
    blocks.add(t.paragraph("DISCREPANCY_RESOLVED.document"));
    blocks.add(t.paragraph("DISCREPANCY_RESOLVED.next"));
    return blocks;
  }

  private static List<Block> rechargeNotPaid(Texts t, String reference, MessageParameters p) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(t.paragraph("RECHARGE_NOT_PAID.intro", reference));
    p.optionalText(AGENT_MESSAGE)
        .ifPresent(text -> blocks.add(Block.quote(t.get("common.agentMessage"), text)));
    blocks.add(t.paragraph("RECHARGE_NOT_PAID.next"));
    return blocks;
  }

  private static List<Block> offerMade(Texts t, LocalizedFormats formats, String reference,
      MessageParameters p) {
    OfferType type = p.offerType();
    List<Block> blocks = new ArrayList<>();
    blocks.add(t.paragraph("OFFER_MADE.intro", reference));
    Money amount = p.optionalMoney(AMOUNT).orElse(null);
    String offer = amount == null
        ? t.get("OFFER_MADE.offer." + type)
        : t.get("OFFER_MADE.offer." + type + ".amount", formats.money(amount));
    blocks.add(p.optionalText(DESCRIPTION).map(text -> Block.quote(offer, text)).orElse(Block.paragraph(offer)));
    p.optionalText(AGENT_MESSAGE)
        .ifPresent(text -> blocks.add(Block.quote(t.get("common.agentMessage"), text)));
    blocks.add(t.paragraph("OFFER_MADE.howTo", formats.dateTime(p.instant(RESPOND_BY))));
    blocks.add(t.paragraph("OFFER_MADE.next"));
    return blocks;
  }

  private String render(String template, MailLayout layout, Locale language, boolean withLink) {
    Context context = new Context(language);
    context.setVariable("mail", layout);
    context.setVariable("withLink", withLink);
    return templates.process(template, context);
  }

  /** Plain text: at most one empty line in a row, none at the end. */
  private static String tidy(String text) {
    return text.replaceAll("\n{3,}", "\n\n").strip();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is missing");
    }
  }

  /** The bundle's sentences in one language; French gets a no-break space before : ; ! ?. */
  private static final class Texts {

    private final MessageSource source;
    private final Locale language;
    private final boolean french;

    Texts(MessageSource source, Locale language) {
      this.source = source;
      this.language = language;
      this.french = language.equals(LocalizedFormats.FRENCH);
    }

    String get(String code, Object... arguments) {
      // A missing code throws NoSuchMessageException: a message never goes out half-written.
      String text = source.getMessage(code, arguments, language);
      return french ? text.replaceAll(" ([:;!?])", "\u00a0$1") : text;
    }

    Block paragraph(String code, Object... arguments) {
      return Block.paragraph(get(code, arguments));
    }
  }
}
