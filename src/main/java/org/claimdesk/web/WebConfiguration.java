package org.claimdesk.web;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The filters in front of the API: the throttle on failed logins first, then the body limit
 * (both before Spring Security and any token check), and the rate limits on the anonymous
 * endpoints (filing claims, everything a case token opens).
 */
@Configuration
class WebConfiguration {

  /** The claim endpoints: each files a new case. */
  static final String[] CLAIM_PATHS = {
      "/api/refund-requests", "/api/cancellation-requests", "/api/discrepancy-reports", "/api/wallet-recharge-issues"};

  @Bean
  @ConditionalOnProperty(name = "claimdesk.web.filing-limit.enabled", havingValue = "true", matchIfMissing = true)
  FilterRegistrationBean<FilingRateLimit> filingRateLimit(FilingLimitProperties limit, ObjectMapper objectMapper) {
    FilterRegistrationBean<FilingRateLimit> registration =
        new FilterRegistrationBean<>(new FilingRateLimit(limit, objectMapper, TimeMeter.SYSTEM_NANOTIME));
    registration.addUrlPatterns(CLAIM_PATHS);
    registration.setName("filingRateLimit");
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
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.setName("bodyLimit");
    return registration;
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
