package org.claimdesk.web;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The filters in front of the API and the customer page: the throttle on failed logins first,
 * then the body limit (both before Spring Security and any token check), and the rate limits on
 * the anonymous endpoints (filing claims, by the API or the page's forms; everything a case token
 * opens); and the customer page's language.
 */
@Configuration
class WebConfiguration {

  /** The claim endpoints: each files a new case (the API's, and the page's forms {@code /claims/{form}}). */
  static final String[] CLAIM_PATHS = {
      "/api/refund-requests", "/api/cancellation-requests", "/api/discrepancy-reports", "/api/wallet-recharge-issues",
      "/claims/*"};

  @Bean
  @ConditionalOnProperty(name = "claimdesk.web.filing-limit.enabled", havingValue = "true", matchIfMissing = true)
  FilterRegistrationBean<FilingRateLimit> filingRateLimit(FilingLimitProperties limit, ObjectMapper objectMapper) {
    FilterRegistrationBean<FilingRateLimit> registration =
        new FilterRegistrationBean<>(new FilingRateLimit(limit, objectMapper, TimeMeter.SYSTEM_NANOTIME));
    registration.addUrlPatterns(CLAIM_PATHS);
    registration.setName("filingRateLimit");
    return registration;
  }

  /**
   * The claims this node files at once and queues; the excess is answered 503 at once
   * ({@link IntakeAdmission}). After the body limit and before Spring Security: a refused claim
   * costs next to nothing.
   */
  @Bean
  @ConditionalOnProperty(name = "claimdesk.web.intake-admission.enabled", havingValue = "true", matchIfMissing = true)
  FilterRegistrationBean<IntakeAdmission> intakeAdmission(IntakeAdmissionProperties admission,
      ObjectMapper objectMapper, MeterRegistry meters) {
    FilterRegistrationBean<IntakeAdmission> registration = new FilterRegistrationBean<>(
        new IntakeAdmission(admission, objectMapper, meters));
    registration.addUrlPatterns(CLAIM_PATHS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    registration.setName("intakeAdmission");
    return registration;
  }

  /** What a case's token opens: the customer API of a case and its page. */
  static final String[] CASE_PATHS = {"/api/cases/*", "/cases/*"};

  @Bean
  @ConditionalOnProperty(name = "claimdesk.web.case-limit.enabled", havingValue = "true", matchIfMissing = true)
  FilterRegistrationBean<FilingRateLimit> caseRateLimit(CaseLimitProperties limit, ObjectMapper objectMapper) {
    FilterRegistrationBean<FilingRateLimit> registration =
        new FilterRegistrationBean<>(new FilingRateLimit(limit, objectMapper, TimeMeter.SYSTEM_NANOTIME));
    registration.addUrlPatterns(CASE_PATHS);
    // Before Spring Security and the controllers: a refused request reads no token and no body.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    registration.setName("caseRateLimit");
    return registration;
  }

  /** Right after the login throttle: an oversized body is refused before anything reads it. */
  @Bean
  FilterRegistrationBean<BodyLimit> bodyLimit(BodyLimitProperties limits, MultipartProperties multipart,
      ObjectMapper objectMapper) {
    FilterRegistrationBean<BodyLimit> registration = new FilterRegistrationBean<>(new BodyLimit(
        limits.json().toBytes(), multipart.getMaxRequestSize().toBytes(), objectMapper));
    // The API, and the customer page's forms (claims; actions on a case, evidence uploads included).
    registration.addUrlPatterns("/api/*", "/claims/*", "/cases/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.setName("bodyLimit");
    return registration;
  }

  /**
   * The language a customer page chose for its request ({@link PageLanguage#use}), else the
   * request's {@code Accept-Language} as Spring MVC's default resolver reads it.
   */
  @Bean
  LocaleResolver localeResolver() {
    return new AcceptHeaderLocaleResolver() {
      @Override
      public Locale resolveLocale(HttpServletRequest request) {
        return request.getAttribute(PageLanguage.ATTRIBUTE) instanceof Locale chosen
            ? chosen : super.resolveLocale(request);
      }
    };
  }

  /** In front of every other filter: a locked client reaches no password check. */
  @Bean
  FilterRegistrationBean<LoginThrottle> loginThrottle(LoginThrottleProperties limits, ObjectMapper objectMapper,
      MeterRegistry meters, Clock clock) {
    FilterRegistrationBean<LoginThrottle> registration =
        new FilterRegistrationBean<>(new LoginThrottle(limits, objectMapper, meters, clock));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("loginThrottle");
    return registration;
  }
}
