package org.claimdesk.discrepancy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The payment discrepancy policy's figures ({@code claimdesk.discrepancy}, ISO-8601 durations).
 *
 * @param reportWindow PD-2: how long after a payment's capture it may be reported (60 days)
 * @param duplicateWindow how close two payments of one order and amount must be to count as a duplicate charge
 * @param processorReminder PD-3: after a request to the processor or bank, when finance is told the answer is late
 * @param processorAnswerDue PD-3: after the request, when the investigation goes on without the answer
 * @param followUpAfter PD-6: how long after the resolution the customer is asked whether they are satisfied
 * @param supportContact where a customer turned away by PD-2 can still ask for help
 */
@Validated
@ConfigurationProperties("claimdesk.discrepancy")
public record DiscrepancyProperties(
    @NotNull Duration reportWindow,
    @NotNull Duration duplicateWindow,
    @NotNull Duration processorReminder,
    @NotNull Duration processorAnswerDue,
    @NotNull Duration followUpAfter,
    @NotBlank String supportContact) {

  public DiscrepancyProperties {
    if (processorAnswerDue != null && processorReminder != null && processorAnswerDue.compareTo(processorReminder) <= 0) {
      throw new IllegalArgumentException("claimdesk.discrepancy.processor-answer-due must be after the reminder");
    }
  }
}
