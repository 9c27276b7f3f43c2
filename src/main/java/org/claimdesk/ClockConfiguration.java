package org.claimdesk;

import java.time.Clock;

import org.claimdesk.engine.EngineClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Services take the time from the engine's clock, so tests that move it move everything. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock();
  }
}
