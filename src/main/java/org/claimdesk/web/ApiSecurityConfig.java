package org.claimdesk.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.claimdesk.engine.ClaimdeskGroups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Spring Security guards {@code /api/**} only. {@code /camunda/**} keeps the webapps' own
 * session login and CSRF protection, and {@code /engine-rest/**} is guarded by Camunda's
 * {@code ProcessEngineAuthenticationFilter} (see {@code EngineRestSecurityConfig}); putting
 * Spring Security in front of those is what causes the login loops users report.
 *
 * <p>The merchant's shop feeds data with HTTP Basic as a member of {@code merchant-systems}.
 * Staff read what customers sent ({@code /api/staff/**}) with HTTP Basic as members of
 * {@code support}, {@code finance} or {@code managers}. The customer endpoints (claims, case
 * pages) are open: they are protected by the case token. The analysts' model changes have a
 * chain of their own ({@code ModelChangeSecurityConfig}).
 */
@Configuration
class ApiSecurityConfig {

  private static final String GROUP = CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX;
  private static final String MERCHANT = CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX
      + ClaimdeskGroups.MERCHANT_SYSTEMS;
  private static final String ADMIN = CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX
      + ClaimdeskGroups.ADMIN;
  private static final String[] STAFF = {
      CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + ClaimdeskGroups.SUPPORT,
      CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + ClaimdeskGroups.FINANCE,
      CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + ClaimdeskGroups.MANAGERS,
      ADMIN};

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(auth -> auth
            // What was emailed (customer links included): administrators only.
            .requestMatchers("/api/outbox", "/api/outbox/**").hasAuthority(ADMIN)
            .requestMatchers("/api/orders/**", "/api/payments/**", "/api/subscriptions/**",
                "/api/wallets/**").hasAnyAuthority(MERCHANT, ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/orders", "/api/payments", "/api/subscriptions")
            .hasAnyAuthority(MERCHANT, ADMIN)
            // The processor's or bank's answer to an investigation (PD-3): finance, managers, the shop.
            .requestMatchers(HttpMethod.POST, "/api/staff/cases/*/processor-answer").hasAnyAuthority(
                GROUP + ClaimdeskGroups.FINANCE, GROUP + ClaimdeskGroups.MANAGERS, MERCHANT, ADMIN)
            // The support mailbox's mails (who wrote, what became of each): support and managers read,
            // managers and administrators hand a failed mail back.
            .requestMatchers(HttpMethod.POST, "/api/staff/mailbox/**").hasAnyAuthority(
                GROUP + ClaimdeskGroups.MANAGERS, ADMIN)
            .requestMatchers("/api/staff/mailbox", "/api/staff/mailbox/**").hasAnyAuthority(
                GROUP + ClaimdeskGroups.SUPPORT, GROUP + ClaimdeskGroups.MANAGERS, ADMIN)
            // Service calendars (issue #26): staff read them, managers and administrators save a version.
            .requestMatchers(HttpMethod.PUT, "/api/staff/calendars/**").hasAnyAuthority(
                GROUP + ClaimdeskGroups.MANAGERS, ADMIN)
            .requestMatchers("/api/staff/**").hasAnyAuthority(STAFF)
            .anyRequest().permitAll())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
            writeProblem(response, objectMapper, HttpStatus.UNAUTHORIZED,
                "Authentication required: HTTP Basic with a merchant-systems or staff account.", true)))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
            writeProblem(response, objectMapper, HttpStatus.FORBIDDEN,
                "This account may not use this endpoint.", false)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless JSON API: no cookies are issued or read, so there is nothing for CSRF to forge.
        .csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable());
    return http.build();
  }

  static void writeProblem(HttpServletResponse response, ObjectMapper objectMapper,
      HttpStatus status, String detail, boolean challenge) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    response.setStatus(status.value());
    if (challenge) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"claimdesk\"");
    }
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
