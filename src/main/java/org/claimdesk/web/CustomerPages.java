package org.claimdesk.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The customer web page, rendered on the server in the visitor's language ({@link PageLanguage}:
 * {@code ?lang=en|fr}, else the browser's {@code Accept-Language} or, on a case page, the case's
 * language; English by default) from the bundle {@code messages/customer-page}
 * ({@link CustomerPageTexts}), so that it reads the same with script off; the scripts in
 * {@code static/assets/} only enhance it.
 *
 * <ul>
 *   <li>{@code GET /}: the start page ({@link StartPage}), the four claim forms. Each form posts
 *       ({@code application/x-www-form-urlencoded}) to {@code /claims/{form}}
 *       ({@code org.claimdesk.cases.ClaimFormController}), which files it through the same intake
 *       and validation as the JSON API and answers {@code 303} to the case's private link, or the
 *       page again with the field errors; a hidden idempotency key makes a second send of the same
 *       form answer with the same case.
 *   <li>{@code GET /cases/{reference}?token=...}: the case page, the private link of every email
 *       ({@code org.claimdesk.cases.CustomerCasePage}), with its actions as forms posted back to
 *       {@code /cases/{reference}/...} (the token in a hidden field), each answered by a {@code 303}
 *       back to the page (Post/Redirect/Get).
 * </ul>
 *
 * <p>No server-side state, no cookies, no session. The pages go out with a strict
 * Content-Security-Policy (scripts, styles and calls to this origin only, no inline script or
 * style, no framing), {@code Referrer-Policy: no-referrer} (the case page's address holds its
 * token) and {@code Cache-Control: no-store}. The texts the scripts need are written into the page
 * as a JSON data block, which is never executed.
 */
@Controller
class CustomerPages {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
      + " form-action 'self'; frame-ancestors 'none'";

  private final StartPage startPage;

  CustomerPages(StartPage startPage) {
    this.startPage = startPage;
  }

  @GetMapping("/")
  String start(Model model, HttpServletRequest request) {
    return startPage.blank(model, request, PageLanguage.ofStartPage(request));
  }

  @Configuration
  static class Security {

    @Bean
    SecurityFilterChain customerPageSecurity(HttpSecurity http) throws Exception {
      http.securityMatcher("/", "/claims/**", "/cases/**", "/assets/**")
          .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          // No cookies are issued or read, so there is no ambient credential to forge a request with:
          // a case's forms carry its token, the claim forms carry nothing but what the visitor typed.
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
