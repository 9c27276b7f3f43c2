package org.claimdesk.web;

import java.time.Clock;

import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What the request filters of {@link WebConfiguration} need in an {@link ApiSlice}: their limits
 * (bound from application.yml as in the application), a meter registry and a clock.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({FilingLimitProperties.class, CaseLimitProperties.class, BodyLimitProperties.class,
    LoginThrottleProperties.class, IntakeAdmissionProperties.class, MultipartProperties.class})
class ApiSliceSupport {

  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
