package org.claimdesk.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;


/**
 * The language of a customer page: {@code ?lang=en|fr} when the address asks for one (the
 * language links on every page), else the page's own default (the start page: the browser's
 * {@code Accept-Language}; the case page: the case's language, the one its emails are written
 * in), English otherwise. The switch on every page is a {@code GET} form that sends {@code lang}. Nothing is remembered on the server: no cookie, no session (the pages'
 * script remembers a choice in the browser's local storage and asks for it with {@code ?lang=}).
 */
public final class PageLanguage {

  public static final String PARAMETER = "lang";
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale FRENCH = Locale.FRENCH;
  private static final List<Locale> SUPPORTED = List.of(ENGLISH, FRENCH);

  /** The request attribute that holds the language a page is rendered in ({@link #use}). */
  static final String ATTRIBUTE = PageLanguage.class.getName();

  private PageLanguage() {
  }

  /**
   * Renders this request's page in {@code language}: Thymeleaf's {@code #{...}} texts and the
   * {@code lang} of the page come from it ({@link WebConfiguration#localeResolver}).
   */
  public static void use(HttpServletRequest request, Locale language) {
    request.setAttribute(ATTRIBUTE, language);
  }

  /** The language asked for with {@code ?lang=}, if it is one of the page's. */
  public static Optional<Locale> asked(HttpServletRequest request) {
    String asked = request.getParameter(PARAMETER);
    return SUPPORTED.stream().filter(language -> language.getLanguage().equals(asked)).findFirst();
  }

  /** {@code ?lang=}, else the first of the browser's languages the page has, else English. */
  public static Locale ofStartPage(HttpServletRequest request) {
    return asked(request).orElseGet(() -> fromAcceptLanguage(request.getHeader("Accept-Language")));
  }

  /** {@code ?lang=}, else the case's language (en or fr), else English. */
  public static Locale ofCasePage(HttpServletRequest request, String caseLanguage) {
    return asked(request).orElseGet(() -> supported(caseLanguage));
  }

  /** The first supported language of an {@code Accept-Language} header (by weight), English if none. */
  public static Locale fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return ENGLISH;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String code = range.getRange().length() >= 2 ? range.getRange().substring(0, 2) : range.getRange();
        for (Locale language : SUPPORTED) {
          if (language.getLanguage().equalsIgnoreCase(code)) {
            return language;
          }
        }
      }
    } catch (IllegalArgumentException malformed) {
      return ENGLISH;
    }
    return ENGLISH;
  }

  /** French for {@code fr}, English for anything else. */
  public static Locale supported(String language) {
    return FRENCH.getLanguage().equals(language) ? FRENCH : ENGLISH;
  }

}
