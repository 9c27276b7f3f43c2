package org.claimdesk.discrepancy;

import java.time.Clock;
import java.time.Instant;

import org.claimdesk.cases.ServiceLevelProperties;
import org.springframework.stereotype.Component;

/**
 * The discrepancy policy's durations as the diagram uses them: bean {@code discrepancyTimes} in
 * timer expressions ({@code ${discrepancyTimes.followUpAfter}}), and the same dates for the
 * services, from one configuration ({@link DiscrepancyProperties}).
 */
@Component
public class DiscrepancyTimes {

  private final DiscrepancyProperties properties;
  private final ServiceLevelProperties serviceLevels;
  private final Clock clock;

  public DiscrepancyTimes(DiscrepancyProperties properties, ServiceLevelProperties serviceLevels, Clock clock) {
    this.properties = properties;
    this.serviceLevels = serviceLevels;
    this.clock = clock;
  }

  /** PD-3: when finance is told the processor's or bank's answer is late (ISO-8601 duration). */
  public String getProcessorReminder() {
    return properties.processorReminder().toString();
  }

  /**
   * PD-3: from the request until the investigation goes on without the answer (the wait's
   * interrupting timer): the reminder's delay plus the time after it, so the deadline is the
   * answer-due date the customer is told ({@link #processorAnswerDueBy()}).
   */
  public String getProcessorAnswerDue() {
    return properties.processorAnswerDue().toString();
  }

  /**
   * From the question to the customer until the investigation goes on without their details (the
   * wait's interrupting timer, 7 days): the reminder's 5 days plus the 2 after it, the respond-by
   * date the customer is told.
   */
  public String getCustomerDetailsDue() {
    return serviceLevels.customerSilenceClose().toString();
  }

  /** PD-6: from the resolution to the follow-up. */
  public String getFollowUpAfter() {
    return properties.followUpAfter().toString();
  }

  /** When a request to the processor or bank made now is answered at the latest. */
  public Instant processorAnswerDueBy() {
    return clock.instant().plus(properties.processorAnswerDue());
  }

  /** PD-2: the last moment a payment captured at {@code capturedAt} may be reported. */
  public Instant reportWindowEnd(Instant capturedAt) {
    return capturedAt.plus(properties.reportWindow());
  }

  public DiscrepancyProperties properties() {
    return properties;
  }
}
