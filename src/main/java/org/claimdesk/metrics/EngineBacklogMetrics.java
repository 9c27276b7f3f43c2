package org.claimdesk.metrics;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The job executor's backlog, read from the engine's tables when Prometheus scrapes (the same
 * figures on every node: they are the cluster's). {@code claimdesk_jobs_due}: jobs the executor
 * could run now (due, retries left, not suspended); {@code claimdesk_jobs_failed}: jobs out of
 * retries; {@code claimdesk_incidents_open}: open incidents.
 */
@Component
class EngineBacklogMetrics {

  EngineBacklogMetrics(MeterRegistry registry, ManagementService management, RuntimeService runtime) {
    Gauge.builder("claimdesk.jobs.due", management, m -> m.createJobQuery().executable().count())
        .description("Jobs the job executor could run now (due, with retries, not suspended)")
        .register(registry);
    Gauge.builder("claimdesk.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
        .description("Jobs out of retries (each has an incident)")
        .register(registry);
    Gauge.builder("claimdesk.incidents.open", runtime, r -> r.createIncidentQuery().count())
        .description("Open incidents")
        .register(registry);
  }
}
