package org.claimdesk.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The customer page's texts, from the bundle {@code messages/customer-page} (English) and
 * {@code _fr} (French): the templates read them as {@code #{key}}, code that renders a page reads
 * them here, and the scripts get the few they need written into the page ({@link #forScripts}),
 * so every text has one source. Dates and amounts as the page writes them: {@code 7 December
 * 2026, 14:30 UTC} / {@code 7 décembre 2026 à 14:30 UTC} (a page does not know the visitor's time
 * zone; the emails say UTC too), {@code €30.00} / {@code 30,00 €}.
 */
@Component
public class CustomerPageTexts {

  /** The bundle's base name (also {@code spring.messages.basename}). */
  static final String BUNDLE = "messages/customer-page";

  private static final DateTimeFormatter ENGLISH_DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH);
  private static final DateTimeFormatter FRENCH_DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM uuuu 'à' HH:mm 'UTC'", Locale.FRENCH);

  private final MessageSource messages;
  private final ObjectMapper objectMapper;

  CustomerPageTexts(MessageSource messages, ObjectMapper objectMapper) {
    this.messages = messages;
    this.objectMapper = objectMapper;
  }

  /**
   * What every customer page's template reads besides its own model: the page's language
   * ({@code lang}, also set for Thymeleaf's {@code #{...}}), the language switch (a {@code GET}
   * form to {@code action} carrying {@code hidden}, e.g. the case token, whose buttons send
   * {@code lang}: it works without script) and the texts the page's script needs
   * ({@code scriptTexts}, the keys starting with {@code prefixes}).
   */
  public void preparePage(Model model, HttpServletRequest request, Locale language, String action,
      Map<String, String> hidden, String... prefixes) {
    PageLanguage.use(request, language);
    model.addAttribute("lang", language.getLanguage());
    model.addAttribute("languageAction", action);
    model.addAttribute("languageHidden", hidden);
    model.addAttribute("scriptTexts", forScripts(language, prefixes));
  }

  /** The text of {@code key} in {@code language}, its {@code {0}}, {@code {1}} filled from {@code arguments}. */
  public String text(Locale language, String key, Object... arguments) {
    return messages.getMessage(key, arguments.length == 0 ? null : arguments, PageLanguage.supported(
        language.getLanguage()));
  }

  /**
   * The texts whose keys start with one of {@code prefixes}, as a JSON object for a
   * {@code <script type="application/json">} data block (never executed, so the page's
   * {@code script-src 'self'} holds): the raw texts, {@code {0}} placeholders left for the script.
   * {@code <}, {@code >} and {@code &} are escaped, so no text can end the block.
   */
  public String forScripts(Locale language, String... prefixes) {
    ResourceBundle bundle = bundle(language);
    TreeMap<String, String> texts = new TreeMap<>();
    for (String key : bundle.keySet()) {
      for (String prefix : prefixes) {
        if (key.startsWith(prefix)) {
          texts.put(key, bundle.getString(key));
        }
      }
    }
    try {
      return objectMapper.writeValueAsString(texts)
          .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the page's texts", e);
    }
  }

  /** The bundle of one language, without falling back to the JVM's default locale. */
  static ResourceBundle bundle(Locale language) {
    return ResourceBundle.getBundle(BUNDLE, PageLanguage.supported(language.getLanguage()),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public String dateTime(Locale language, Instant instant) {
    boolean french = PageLanguage.FRENCH.getLanguage().equals(language.getLanguage());
    return (french ? FRENCH_DATE_TIME : ENGLISH_DATE_TIME).format(instant.atZone(ZoneOffset.UTC));
  }

  /** An amount in minor units of {@code currency}, as the page's language writes it. */
  public String money(Locale language, long minorUnits, String currencyCode) {
    boolean french = PageLanguage.FRENCH.getLanguage().equals(language.getLanguage());
    Currency currency = Currency.getInstance(currencyCode);
    NumberFormat format = NumberFormat.getCurrencyInstance(french ? Locale.FRANCE : Locale.UK);
    format.setCurrency(currency);
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(java.math.BigDecimal.valueOf(minorUnits, digits));
  }
}
