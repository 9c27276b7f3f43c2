package org.claimdesk.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.claimdesk.cases.OfferType;
import org.claimdesk.commerce.Money;

/** A full, valid set of parameters for each customer message, as a process would pass them. */
final class SampleMessages {

  static final Instant DUE = Instant.parse("2026-11-21T14:30:00Z");
  static final Money AMOUNT = Money.of(9000, "EUR");
  static final String AGENT_MESSAGE = "We checked the booking with our technician.\nHe confirms the visit was missed.";
  static final String DESCRIPTION = "A new visit next week, at no cost.";
  static final String PLAN = "Premium Support";
  static final Instant CYCLE_END = Instant.parse("2026-12-01T00:00:00Z");
  /** WR-2: 72 hours after a recharge paid on 21 November 2026 at 14:30 UTC. */
  static final Instant CHECK_AT = Instant.parse("2026-11-24T14:30:00Z");
  static final Money RECHARGE = Money.of(5000, "EUR");
  /** PD-2: a payment made on 3 September 2026 at 09:15 UTC, whose 60 days end on 2 November 2026. */
  static final Instant CAPTURED_AT = Instant.parse("2026-09-03T09:15:00Z");
  static final Instant WINDOW_ENDED_AT = Instant.parse("2026-11-02T09:15:00Z");
  static final Money PAYMENT = Money.of(4990, "EUR");
  static final String SUPPORT_CONTACT = "support@loop.example";

  private SampleMessages() {
  }

  static Map<String, Object> parametersOf(CustomerMessage message) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    switch (message) {
      case CLAIM_RECEIVED -> {
        parameters.put("replyDueBy", DUE);
        parameters.put("evidenceRequired", Boolean.TRUE);
      }
      case CLAIM_REFUSED -> {
        parameters.put("ruleId", "RF-2");
        parameters.put("agentMessage", AGENT_MESSAGE);
      }
      case AGENT_REPLY, FIX_CONFIRMED -> parameters.put("agentMessage", AGENT_MESSAGE);
      case EVIDENCE_REQUESTED -> {
        parameters.put("agentMessage", AGENT_MESSAGE);
        parameters.put("respondBy", DUE);
      }
      case EVIDENCE_REMINDER, OFFER_REMINDER, FEEDBACK_REQUESTED -> parameters.put("respondBy", DUE);
      case OFFER_MADE -> {
        parameters.put("offerType", OfferType.PARTIAL_REFUND);
        parameters.put("amount", AMOUNT);
        parameters.put("description", DESCRIPTION);
        parameters.put("agentMessage", AGENT_MESSAGE);
        parameters.put("respondBy", DUE);
      }
      case CLOSED_NO_RESPONSE -> {
        // no parameter
      }
      case REFUND_PAID, CREDIT_ADDED -> parameters.put("amount", AMOUNT);
      case ALTERNATIVE_AGREED -> parameters.put("description", DESCRIPTION);
      case CANCELLATION_CONFIRMED -> {
        parameters.put("plan", PLAN);
        parameters.put("mode", "END_OF_CYCLE");
        parameters.put("accessEndsAt", CYCLE_END);
        parameters.put("refundDecision", "REFUND");
        parameters.put("amount", AMOUNT);
        parameters.put("ruleId", "SC-4");
        parameters.put("agentMessage", AGENT_MESSAGE);
      }
      case CANCELLATION_WITHDRAWN -> parameters.put("plan", PLAN);
      case ACCESS_ENDED -> {
        parameters.put("plan", PLAN);
        parameters.put("accessEndedAt", CYCLE_END);
      }
      case RECHARGE_WAIT -> {
        parameters.put("amount", RECHARGE);
        parameters.put("checkAt", CHECK_AT);
      }
      case RECHARGE_CREDITED, RECHARGE_ARRIVED -> parameters.put("amount", RECHARGE);
      case RECHARGE_NOT_PAID -> parameters.put("agentMessage", AGENT_MESSAGE);
      case DISCREPANCY_RECEIVED -> {
        parameters.put("amount", PAYMENT);
        parameters.put("capturedAt", CAPTURED_AT);
        parameters.put("replyDueBy", DUE);
      }
      case DISCREPANCY_OUTSIDE_WINDOW -> {
        parameters.put("capturedAt", CAPTURED_AT);
        parameters.put("windowEndedAt", WINDOW_ENDED_AT);
        parameters.put("supportContact", SUPPORT_CONTACT);
      }
      case DISCREPANCY_DETAILS_REQUESTED -> {
        parameters.put("agentMessage", AGENT_MESSAGE);
        parameters.put("respondBy", DUE);
      }
      case DISCREPANCY_DETAILS_REMINDER, DISCREPANCY_FOLLOW_UP -> parameters.put("respondBy", DUE);
      case DISCREPANCY_PROCESSOR_CONSULTED -> {
        parameters.put("institution", "PROCESSOR");
        parameters.put("answerDueBy", DUE);
      }
      case DISCREPANCY_RESOLVED -> {
        parameters.put("cause", "DUPLICATE_CHARGE");
        parameters.put("remedy", "REFUND");
        parameters.put("amount", PAYMENT);
        parameters.put("ruleId", "PD-4");
        parameters.put("agentMessage", AGENT_MESSAGE);
      }
      case DISCREPANCY_REOPENED -> parameters.put("replyDueBy", DUE);
      case DISCREPANCY_RESOLUTION_UPHELD -> parameters.put("agentMessage", AGENT_MESSAGE);
      default -> throw new IllegalArgumentException("No sample for " + message);
    }
    return parameters;
  }
}
