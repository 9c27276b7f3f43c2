package org.claimdesk.testsupport;

import java.time.Clock;
import java.time.Duration;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.claimdesk.cases.ServiceLevelProperties;
import org.claimdesk.cases.ServiceLevels;
import org.claimdesk.sla.AcknowledgeClaimDelegate;
import org.claimdesk.sla.EscalationHandledListener;
import org.claimdesk.sla.FirstReplySteps;
import org.claimdesk.sla.RaiseReviewPriorityDelegate;
import org.claimdesk.sla.RecordSlaBreachDelegate;

/**
 * For process tests: the production service levels (24 h / 48 h first reply, 5 / 7 days waiting on
 * the customer, feedback after 3 days for 14, 72 h for a recharge) and the SL-1 beans every
 * process's reply subprocess calls, registered for the engine's expressions.
 */
public final class FirstReplyBeans {

  private FirstReplyBeans() {
  }

  public static ServiceLevels serviceLevels(Clock clock) {
    return new ServiceLevels(new ServiceLevelProperties(Duration.ofHours(24), Duration.ofHours(48), Duration.ofDays(5),
        Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(14), Duration.ofHours(72), "lead@example.com"), clock);
  }

  /** Registers {@code serviceLevels} and the four SL-1 beans, writing to the given doubles. */
  public static void register(ServiceLevels levels, FakeCases cases, RecordingMessages messages, Clock clock) {
    FirstReplySteps firstReply = new FirstReplySteps(cases, messages, messages, levels);
    Mocks.register("serviceLevels", levels);
    Mocks.register("acknowledgeClaimDelegate", new AcknowledgeClaimDelegate(firstReply));
    Mocks.register("raiseReviewPriorityDelegate", new RaiseReviewPriorityDelegate(firstReply));
    Mocks.register("recordSlaBreachDelegate", new RecordSlaBreachDelegate(firstReply, clock));
    Mocks.register("escalationHandledListener", new EscalationHandledListener());
  }
}
