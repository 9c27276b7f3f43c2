package org.claimdesk.dashboard;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/**
 * The managers' dashboard in Cockpit ({@code claimdesk.dashboard}).
 *
 * @param reviewTask the review task of every process's first-reply subprocess (SL-1): its
 *     completion is the case's first reply, its due date the reply's deadline, its candidate
 *     group the group a breach counts against
 * @param moneyActivities the activities that move money: an incident on one of them is shown
 *     as an incident on money movement
 * @param maxPageSize the largest page a list endpoint answers
 */
@Validated
@ConfigurationProperties("claimdesk.dashboard")
public record DashboardProperties(
    @NotBlank String reviewTask,
    @NotEmpty List<@NotBlank String> moneyActivities,
    @Min(1) @Max(500) int maxPageSize) {
}
