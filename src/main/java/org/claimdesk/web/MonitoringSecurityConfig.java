package org.claimdesk.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.claimdesk.engine.ClaimdeskGroups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What managers watch: the dashboard API {@code /api/dashboard/**} and Spring Boot Actuator
 * {@code /actuator/**} (health, Prometheus metrics). Both answer only groups {@code managers}
 * and {@code camunda-admin}, except the bare health status ({@code UP}/{@code DOWN}), which a
 * load balancer reads without credentials; its details need one of those groups too
 * ({@code management.endpoint.health.roles}).
 *
 * <p>The dashboard API takes HTTP Basic (a Camunda user, as on {@code /api}) or the session of
 * someone logged in to the Camunda webapps, so the Cockpit plugin calls it with the manager's
 * own Cockpit login. It is read-only (GET): a session cookie cannot be used to change anything,
 * so there is nothing for CSRF to forge.
 */
@Configuration
class MonitoringSecurityConfig {

  private static final String MANAGERS = CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX
      + ClaimdeskGroups.MANAGERS;
  private static final String ADMIN = CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX
      + ClaimdeskGroups.ADMIN;
  /** The process engine the webapps log in to. */
  private static final String ENGINE = "default";

  @Bean
  @Order(1)
  SecurityFilterChain dashboardSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
    http.securityMatcher("/api/dashboard", "/api/dashboard/**")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.GET, "/api/dashboard", "/api/dashboard/**").hasAnyAuthority(MANAGERS, ADMIN)
            .anyRequest().denyAll())
        .addFilterAfter(new CamundaWebappSessionFilter(), BasicAuthenticationFilter.class);
    return common(http, objectMapper, "Authentication required: log in to Cockpit, or HTTP Basic, as a manager.");
  }

  @Bean
  @Order(2)
  SecurityFilterChain actuatorSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
    http.securityMatcher("/actuator", "/actuator/**")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.GET, "/actuator/health").permitAll()
            .anyRequest().hasAnyAuthority(MANAGERS, ADMIN));
    return common(http, objectMapper, "Authentication required: HTTP Basic as a manager or administrator.");
  }

  /** HTTP Basic or a webapp session, answers as problem+json, no session of its own, no Spring CSRF, no login page. */
  static SecurityFilterChain common(HttpSecurity http, ObjectMapper objectMapper, String challenge)
      throws Exception {
    http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
            ApiSecurityConfig.writeProblem(response, objectMapper, HttpStatus.UNAUTHORIZED, challenge, true)))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
            ApiSecurityConfig.writeProblem(response, objectMapper, HttpStatus.FORBIDDEN,
                "This account may not use this endpoint.", false)))
        // Never a new session id: the Cockpit session is the webapps', and renewing its id here would
        // leave Cockpit's own requests in flight with a dead id (and its user logged out).
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        // Read-only endpoints: no state for a forged request to change.
        .csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable());
    return http.build();
  }

  /**
   * Takes the user of an existing Camunda webapp session (Cockpit's login) as the request's
   * user, with their groups as {@code GROUP_<id>} authorities. Never creates a session; does
   * nothing when HTTP Basic already authenticated the request.
   */
  static final class CamundaWebappSessionFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      HttpSession session = request.getSession(false);
      if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
        Authentication camunda = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(ENGINE);
        if (camunda instanceof UserAuthentication user) {
          List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds().stream()
              .map(id -> new SimpleGrantedAuthority(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + id))
              .toList();
          var context = SecurityContextHolder.createEmptyContext();
          context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, groups));
          SecurityContextHolder.setContext(context);
        }
      }
      chain.doFilter(request, response);
    }
  }
}
