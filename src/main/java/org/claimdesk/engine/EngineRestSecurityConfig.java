package org.claimdesk.engine;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API never answers anonymously: every call to {@code /engine-rest} carries
 * HTTP Basic credentials of a Camunda user, and the engine then applies that user's
 * authorizations (Camunda Modeler deploys through it as an analyst). Camunda's filter lets the
 * list of engine names ({@code GET /engine-rest/engine}) through without credentials; here that
 * needs them too.
 */
@Configuration
class EngineRestSecurityConfig {

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

  /** Camunda's HTTP Basic filter without its one anonymous path. */
  static class AlwaysAuthenticate extends ProcessEngineAuthenticationFilter {
    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }
  }
}
