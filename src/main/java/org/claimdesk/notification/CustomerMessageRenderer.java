package org.claimdesk.notification;

import static org.claimdesk.notification.MessageParameters.RULE_ID;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.claimdesk.cases.CustomerContact;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a {@link CustomerMessage} in the customer's language (English, or French for a French
 * contact).
 *
 * <p><b>Where the words are.</b> The sentences live in the bundles
 * {@code mail/customer-messages.properties} (English) and {@code mail/customer-messages_fr.properties}
 * (French), with the same keys. Which sentences make up a message, in which order and filled with
 * which parameters, is written in {@code templates/mail/messages.html}: one fragment per message,
 * named after it. The layouts {@code templates/mail/customer-message.html} (the HTML part) and
 * {@code customer-message-text.html} (the plain text, also kept on the case timeline without the
 * link) put the greeting, the sign-off and the private link around that fragment, and each lays
 * out its blocks (paragraphs, rules, quotes) in its own way. To reword a message, edit the two
 * bundles; to change which sentences it has, edit its fragment. No Java changes for either.
 *
 * <p>What stays here is what is not words: the parameters are checked ({@link MessageParameters})
 * and a cited rule against the catalogue ({@link #RULE_IDS}) before anything is written; dates and
 * amounts are formatted by {@link LocalizedFormats}; French gets a no-break space before : ; ! ?;
 * the private link must be an http(s) URL; and a sentence missing from a bundle stops the message
 * (a {@code NoSuchMessageException} inside the template's exception), so that a message never goes
 * out half-written. Every message greets the customer, says what happens next and by when, and
 * ends with the private link to the case. A refusal cites the rule ID and the rule in one plain
 * sentence ({@code rule.<ID>} in the bundles).
 */
@Component
class CustomerMessageRenderer {

  /** The policy rules a message may cite (docs/policies/README.md), each with a sentence in both bundles. */
  static final List<String> RULE_IDS = Stream.of(
      ids("RF", 9), ids("SC", 4), ids("PD", 6), ids("WR", 2), ids("SL", 3))
      .flatMap(List::stream).toList();

  static final String BUNDLE = "mail/customer-messages";
  private static final String HTML_LAYOUT = "mail/customer-message";
  private static final String TEXT_LAYOUT = "mail/customer-message-text";

  private final MessageSource texts;
  private final TemplateEngine templates;

  CustomerMessageRenderer() {
    this(BUNDLE);
  }

  /** With other bundles than the customer messages' own: for a test of a bundle that lacks a sentence. */
  CustomerMessageRenderer(String bundleBasename) {
    ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
    bundle.setBasename(bundleBasename);
    bundle.setDefaultEncoding(StandardCharsets.UTF_8.name());
    // English is the file without suffix; never fall back to the server's own locale.
    bundle.setFallbackToSystemLocale(false);
    // Every text goes through MessageFormat, so the bundles have one quoting rule (and use ’).
    bundle.setAlwaysUseMessageFormat(true);
    this.texts = bundle;
    // A plain engine with Spring's dialect (SpEL): a SpringTemplateEngine would put its own
    // message resolver in place of Sentences.
    this.templates = new TemplateEngine();
    templates.setDialect(new SpringStandardDialect());
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setResolvablePatterns(Set.of(HTML_LAYOUT, TEXT_LAYOUT, "mail/messages"));
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    templates.setTemplateResolver(resolver);
    templates.setMessageResolver(new StrictMessageResolver("customer-messages",
        (key, arguments, language) -> sentence(texts, key, arguments, language)));
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

    Context context = new Context(language);
    MessageParameters.namesOf(message).keySet()
        .forEach(name -> context.setVariable(name, checked.optional(name).orElse(null)));
    if (MessageParameters.namesOf(message).containsKey(RULE_ID)) {
      context.setVariable(RULE_ID, citedRule(message, checked));
    }
    context.setVariable("reference", reference);
    context.setVariable("formats", LocalizedFormats.of(language));
    String name = contact.name() == null || contact.name().isBlank() ? null : contact.name().strip();
    String subject = sentence(texts, message.name() + ".subject", new Object[] {reference}, language);
    context.setVariable("mail", new MailLayout(message.name(), language.getLanguage(), subject, name, reference,
        privateLink));

    return new RenderedMessage(language, subject,
        tidy(render(TEXT_LAYOUT, context, true)) + "\n",
        render(HTML_LAYOUT, context, true),
        tidy(render(TEXT_LAYOUT, context, false)));
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

  private String render(String layout, Context context, boolean withLink) {
    context.setVariable("withLink", withLink);
    return templates.process(layout, context);
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

  /**
   * The templates' {@code #{key(arguments)}}: the bundle's sentence in the message's language,
   * through MessageFormat; French gets a no-break space before : ; ! ?. A missing key throws
   * (NoSuchMessageException; in a template, {@link StrictMessageResolver}).
   */
  private static String sentence(MessageSource source, String key, Object[] arguments, Locale language) {
    String text = source.getMessage(key, arguments, language);
    return language.equals(LocalizedFormats.FRENCH) ? text.replaceAll(" ([:;!?])", "\u00a0$1") : text;
  }
}
