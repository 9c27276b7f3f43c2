package org.claimdesk.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * The service levels as the diagrams use them: bean {@code serviceLevels} in timer and due-date
 * expressions ({@code ${serviceLevels.firstReplyDue}}, {@code ${serviceLevels.replyDueDate()}}),
 * and the same dates for the services, from one configuration ({@link ServiceLevelProperties}).
 */
@Component
public class ServiceLevels {

  private final ServiceLevelProperties properties;
  private final Clock clock;

  public ServiceLevels(ServiceLevelProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** SL-1: the non-interrupting timer that raises a waiting reply's priority (ISO-8601 duration). */
  public String getFirstReplyFollowUp() {
    return properties.firstReplyFollowUp().toString();
  }

  /** SL-1: the timer that records a breach and escalates (ISO-8601 duration). */
  public String getFirstReplyDue() {
    return properties.firstReplyDue().toString();
  }

  /** Waiting on the customer: when the reminder goes out. */
  public String getCustomerReminder() {
    return properties.customerReminder().toString();
  }

  /**
   * Waiting on the customer: from the start of the wait until the case closes for silence, the
   * interrupting deadline on a receive task that is reminded on the way (refund-request's evidence
   * and consent waits), so the reminder on the way does not move it.
   */
  public String getCustomerSilenceClose() {
    return properties.customerSilenceClose().toString();
  }

  public String getFeedbackAfter() {
    return properties.feedbackAfter().toString();
  }

  public String getFeedbackWindow() {
    return properties.feedbackWindow().toString();
  }

  /** A reply task's due date: now + the first-reply deadline. */
  public Date replyDueDate() {
    return Date.from(replyDueBy());
  }

  /** A reply task's follow-up date: now + the follow-up delay. */
  public Date followUpDate() {
    return Date.from(now().plus(properties.firstReplyFollowUp()));
  }

  public Instant replyDueBy() {
    return now().plus(properties.firstReplyDue());
  }

  /** When a customer who is asked something now must have answered. */
  public Instant customerRespondBy() {
    return now().plus(properties.customerSilenceClose());
  }

  /** When a customer who is reminded now must have answered. */
  public Instant customerRespondByAfterReminder() {
    return now().plus(properties.customerSilenceClose().minus(properties.customerReminder()));
  }

  public Instant feedbackRespondBy() {
    return now().plus(properties.feedbackWindow());
  }

  /** WR-2: when a recharge paid at {@code paidAt} must show in the wallet at the latest. */
  public Instant rechargeCheckAt(Instant paidAt) {
    return paidAt.plus(properties.rechargeWait());
  }

  public Duration firstReplyDue() {
    return properties.firstReplyDue();
  }

  private Instant now() {
    return clock.instant();
  }
}
