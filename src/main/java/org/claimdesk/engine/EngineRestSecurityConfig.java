package org.claimdesk.engine;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
 * engine call (issue #20 point 7).
 */
@Configuration
class EngineRestSecurityConfig {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
      ObjectProvider<IdentityService> identityService) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new AlwaysAuthenticate(identityService));
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter("rest-url-pattern-prefix", "/engine-rest");
    return registration;
  }

  /** Camunda's HTTP Basic filter without its one anonymous path, letting only engine groups through. */
  static class AlwaysAuthenticate extends ProcessEngineAuthenticationFilter {

    private final ObjectProvider<IdentityService> identityService;

    AlwaysAuthenticate(ObjectProvider<IdentityService> identityService) {
      this.identityService = identityService;
    }

    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      super.doFilter(request, response, (authenticated, answer) -> {
        Authentication caller = identityService.getObject().getCurrentAuthentication();
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
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
    }
  }
}
