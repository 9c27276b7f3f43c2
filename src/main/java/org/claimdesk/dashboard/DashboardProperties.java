package org.claimdesk.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/**
 * The managers' dashboard in Cockpit ({@code claimdesk.dashboard}).
 *
 * @param reviewTasks per process key, the review task of that process's first-reply subprocess
 *     (SL-1): its completion is the case's first reply, its due date the reply's deadline, its
 *     candidate group the group a breach counts against ({@code refund-request: Task_ReviewClaim},
 *     {@code payment-discrepancy: Task_InvestigateDiscrepancy}, ...)
 * @param moneyActivities the activities that move money: an incident on one of them is shown
 *     as an incident on money movement
 * @param maxPageSize the largest page a list endpoint answers
 */
@Validated
@ConfigurationProperties("claimdesk.dashboard")
public record DashboardProperties(
    @NotEmpty Map<@NotBlank String, @NotBlank String> reviewTasks,
    @NotEmpty List<@NotBlank String> moneyActivities,
    @Min(1) @Max(500) int maxPageSize) {

  public DashboardProperties {
    reviewTasks = reviewTasks == null ? Map.of() : Map.copyOf(reviewTasks);
  }

  /** The review task of the process {@code processKey}, or null when it has none. */
  public String reviewTaskOf(String processKey) {
    return reviewTasks.get(processKey);
  }

  /** Whether {@code taskKey} is the review task of the process {@code processKey}. */
  public boolean isReviewTask(String processKey, String taskKey) {
    return taskKey != null && Objects.equals(reviewTasks.get(processKey), taskKey);
  }
}
