package org.claimdesk.engine;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The engine REST API never answers anonymously: every call to {@code /engine-rest} carries
 * HTTP Basic credentials of a Camunda user, and the engine then applies that user's
 * authorizations (Camunda Modeler deploys through it as an analyst). Camunda's filter lets the
 * list of engine names ({@code GET /engine-rest/engine}) through without credentials; here that
 * needs them too. And only members of an engine group ({@link ClaimdeskGroups#ENGINE_GROUPS}) get
 * past it: the shop's service account and a user in no engine group are answered 403 before any
 * engine call (issue #20 point 7). The answers of both engine APIs, this one and the webapps'
 * {@code /camunda/api}, go through {@link EngineErrorFilter}, which keeps expression text and
 * values out of error messages.
 */
@Configuration
class EngineRestSecurityConfig {

  /** Outside every other filter of the engine APIs, so it sees their answers last. */
  @Bean
  FilterRegistrationBean<EngineErrorFilter> engineErrorFilter() {
    FilterRegistrationBean<EngineErrorFilter> registration = new FilterRegistrationBean<>(new EngineErrorFilter());
    registration.setName("engine-error-messages");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new AlwaysAuthenticate());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter("rest-url-pattern-prefix", "/engine-rest");
    return registration;
  }

  /** Camunda's HTTP Basic filter without its one anonymous path, letting only engine groups through. */
  static class AlwaysAuthenticate extends ProcessEngineAuthenticationFilter {

    /**
     * The groups the filter authenticated the caller with, as it hands them to the engine. Kept
     * here rather than read back from an identity service: the filter addresses its engine by
     * name through Camunda's static registry, and in a JVM holding two engines of that name (two
     * Spring test contexts) that is the last one started, not this context's.
     */
    private static final ThreadLocal<List<String>> CALLER_GROUPS = new ThreadLocal<>();

    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }

    @Override
    protected void setAuthenticatedUser(ProcessEngine engine, String userId, List<String> groupIds,
        List<String> tenantIds) {
      // HTTP Basic hands no groups over; Camunda's filter would look them up in the super call,
      // so they are looked up here first and both the engine and the gate below get the same list.
      List<String> groups = groupIds != null ? groupIds : getGroupsOfUser(engine, userId);
      CALLER_GROUPS.set(List.copyOf(groups));
      super.setAuthenticatedUser(engine, userId, groups, tenantIds);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      try {
        super.doFilter(request, response, (authenticated, answer) -> {
          List<String> groups = CALLER_GROUPS.get() == null ? List.of() : CALLER_GROUPS.get();
          if (groups.stream().noneMatch(ClaimdeskGroups.ENGINE_GROUPS::contains)) {
            HttpServletResponse http = (HttpServletResponse) answer;
            http.setStatus(HttpServletResponse.SC_FORBIDDEN);
            http.setContentType("application/json");
            http.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"The engine REST API is"
                + " open to the staff's engine groups only.\"}");
            return;
          }
          chain.doFilter(authenticated, answer);
        });
      } finally {
        CALLER_GROUPS.remove();
      }
    }
  }
}
