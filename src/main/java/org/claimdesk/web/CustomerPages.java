package org.claimdesk.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The customer web page: {@code /} (the start page: the four claim forms) and
 * {@code /cases/{reference}?token=...} (the case page, the private link of every email), rendered
 * from the templates in {@code templates/customer/} (their shared parts and form fields in
 * {@code parts.html}); the scripts in {@code static/assets/} talk to the customer API only. No
 * server-side state, no cookies.
 *
 * <p>The pages go out with a strict Content-Security-Policy (scripts, styles and calls to this
 * origin only, no framing), {@code Referrer-Policy: no-referrer} (the case page's address holds
 * its token) and {@code Cache-Control: no-store}.
 */
@Controller
class CustomerPages {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
      + " form-action 'self'; frame-ancestors 'none'";

  @GetMapping("/")
  String start() {
    return "customer/start";
  }

  /** The page reads the reference from its address and asks the API; any reference gets the page. */
  @GetMapping("/cases/{reference}")
  String casePage() {
    return "customer/case";
  }

  @Configuration
  static class Security {

    @Bean
    SecurityFilterChain customerPageSecurity(HttpSecurity http) throws Exception {
      http.securityMatcher("/", "/cases/**", "/assets/**")
          .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          // No cookies are issued or read: the pages call the stateless JSON API.
          .csrf(csrf -> csrf.disable())
          .requestCache(cache -> cache.disable())
          .headers(headers -> headers
              .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
              .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
              .frameOptions(frame -> frame.deny()));
      return http.build();
    }
  }
}
