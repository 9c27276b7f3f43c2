package org.claimdesk.cases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * The durations the processes' timers use (ISO-8601 in configuration, e.g. {@code PT24H}).
 *
 * @param firstReplyFollowUp SL-1: a task's follow-up date, and when its priority is raised and the team lead told
 * @param firstReplyDue SL-1: a task's due date; past it, an SLA breach and an escalation to managers
 * @param customerReminder waiting on the customer (evidence, consent): when they are reminded
 * @param customerSilenceClose waiting on the customer: when the case closes for silence (RF-3, RF-8: 7 days)
 * @param feedbackAfter how long after a resolution the customer is asked for feedback (RF-8)
 * @param feedbackWindow how long the feedback request stays open
 * @param rechargeWait WR-2: how long after a wallet recharge's payment its credit may take to show
 * @param teamLeadEmail where the SL-1 reminder about a late first reply goes
 */
@Validated
@ConfigurationProperties("claimdesk.service-levels")
public record ServiceLevelProperties(
    @NotNull Duration firstReplyFollowUp,
    @NotNull Duration firstReplyDue,
    @NotNull Duration customerReminder,
    @NotNull Duration customerSilenceClose,
    @NotNull Duration feedbackAfter,
    @NotNull Duration feedbackWindow,
    @NotNull Duration rechargeWait,
    String teamLeadEmail) {
}
