package org.claimdesk.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.bucket4j.TimeMeter;

/** The customer API's rate limit on filing claims. */
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
}
