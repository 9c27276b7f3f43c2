package org.claimdesk.web;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.claimdesk.engine.ClaimdeskGroups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The analysts' model changes, {@code /api/model-changes/**} (issue #23): HTTP Basic as on
 * {@code /api}, or the session of someone logged in to Cockpit, so the Cockpit page works with
 * the analyst's own login. Analysts propose, deploy and migrate; managers read.
 *
 * <p>A session cookie travels with any request the browser makes, so a request that changes
 * something and is authenticated by the Cockpit session must carry the webapps' own CSRF token
 * ({@code X-XSRF-TOKEN}, the value Camunda's {@code CsrfPreventionFilter} keeps in the session and
 * gives the page as the {@code XSRF-TOKEN} cookie); without it the answer is 403 and nothing is
 * done. A request with HTTP Basic carries no cookie to forge.
 */
@Configuration
class ModelChangeSecurityConfig {

  private static final String GROUP = CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX;
  private static final String ADMIN = GROUP + ClaimdeskGroups.ADMIN;
  /** Where Camunda's CsrfPreventionFilter keeps the session's token. */
  static final String CAMUNDA_CSRF_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  static final String CSRF_HEADER = "X-XSRF-TOKEN";

  @Bean
  @Order(3)
  SecurityFilterChain modelChangeSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
    http.securityMatcher("/api/model-changes", "/api/model-changes/**")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.GET, "/api/model-changes", "/api/model-changes/**").hasAnyAuthority(
                GROUP + ClaimdeskGroups.ANALYSTS, GROUP + ClaimdeskGroups.MANAGERS, ADMIN)
            .anyRequest().hasAnyAuthority(GROUP + ClaimdeskGroups.ANALYSTS, ADMIN))
        .addFilterAfter(new MonitoringSecurityConfig.CamundaWebappSessionFilter(), BasicAuthenticationFilter.class)
        // Spring's CSRF filter stays off (common): SessionCsrfCheck checks the webapps' own token.
        .addFilterAfter(new SessionCsrfCheck(objectMapper), MonitoringSecurityConfig.CamundaWebappSessionFilter.class);
    return MonitoringSecurityConfig.common(http, objectMapper,
        "Authentication required: log in to Cockpit, or HTTP Basic, as an analyst.");
  }

  /** A change made with the Cockpit session carries the session's CSRF token, or is refused. */
  static final class SessionCsrfCheck extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private final ObjectMapper objectMapper;

    SessionCsrfCheck(ObjectMapper objectMapper) {
      this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      boolean basic = request.getHeader("Authorization") != null;
      HttpSession session = request.getSession(false);
      if (!basic && session != null && !SAFE.contains(request.getMethod())
          && SecurityContextHolder.getContext().getAuthentication() != null) {
        Object expected = session.getAttribute(CAMUNDA_CSRF_ATTRIBUTE);
        String sent = request.getHeader(CSRF_HEADER);
        if (!(expected instanceof String token) || sent == null || !MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
          SecurityContextHolder.clearContext();
          ApiSecurityConfig.writeProblem(response, objectMapper, HttpStatus.FORBIDDEN,
              "A change made with the Cockpit login carries the page's CSRF token (" + CSRF_HEADER + ").", false);
          return;
        }
      }
      chain.doFilter(request, response);
    }
  }
}
