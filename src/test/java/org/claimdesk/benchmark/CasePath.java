package org.claimdesk.benchmark;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimdesk.testsupport.CamundaWebapps;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One kind of case taken from the customer's claim to its resolution, the way people and the
 * shop drive it: the records it needs, and the steps a customer and an agent take over HTTP.
 * Whatever is left (payout jobs, checks, confirmations) is the application's own job executor's.
 */
enum CasePath {

  /**
   * A refund claim on a service (RF-1) reviewed by an agent in Tasklist (logged in once per
   * client, then the webapp's engine API with the session and its CSRF token, as Tasklist's
   * pages call it: find the task, submit its form) who offers 30.00 EUR back (RF-8); the customer
   * accepts on the API; the payout job refunds once and resolves the case.
   */
  REFUND("refund-request") {
    @Override
    List<String> records(MerchantData merchant, String prefix, int count) throws Exception {
      return merchant.paidOrders(prefix, count, false);
    }

    @Override
    String drive(ClaimdeskNode node, String orderId) throws Exception {
      JsonNode filed = file(node, "/api/refund-requests", Map.of("orderId", orderId,
          "email", MerchantData.email(orderId), "reason", "SERVICE_ISSUE",
          "description", "The session was cut short after ten minutes.", "language", "en"));
      String reference = filed.path("reference").asText();
      // The agent works in Tasklist: the webapp's own engine API, with its session and CSRF token.
      CamundaWebapps.Session tasklist = node.tasklistSession();
      JsonNode tasks = ClaimdeskNode.expectJson(tasklist.getJson(TASKLIST_ENGINE + "/task?processInstanceBusinessKey="
          + reference + "&taskDefinitionKey=Task_ReviewClaim"), 200);
      ClaimdeskNode.expectJson(tasklist.postJson(TASKLIST_ENGINE + "/task/" + tasks.path(0).path("id").asText()
          + "/submit-form", ClaimdeskNode.JSON.writeValueAsString(Map.of("variables", Map.of(
              "reviewDecision", Map.of("value", "OFFER"),
              "offerType", Map.of("value", "PARTIAL_REFUND"),
              "offerAmount", Map.of("value", 30.0, "type", "Double"),
              "replyMessage", Map.of("value", "We are sorry: here is part of your money back."))))), 204);
      node.send("POST", "/api/cases/" + reference + "/offer/accept", null, null, 204,
          Map.of("X-Case-Token", filed.path("accessToken").asText()));
      return reference;
    }
  },

  /** A subscription cancelled three days after its payment with a refund asked (SC-3): refunded at once. */
  CANCELLATION("subscription-cancellation") {
    @Override
    List<String> records(MerchantData merchant, String prefix, int count) throws Exception {
      return merchant.subscriptions(prefix, count);
    }

    @Override
    String drive(ClaimdeskNode node, String subscriptionId) throws Exception {
      return file(node, "/api/cancellation-requests", Map.of("subscriptionId", subscriptionId,
          "email", MerchantData.email(subscriptionId.substring("sub-".length())), "mode", "END_OF_CYCLE",
          "refundRequested", true, "reason", "NO_LONGER_NEEDED", "language", "en")).path("reference").asText();
    }
  },

  /**
   * A duplicate charge reported (PD-1): the checks confirm it, the liability decision (PD-4)
   * refunds the second charge once and the resolution document is sent (PD-6).
   */
  DISCREPANCY("payment-discrepancy") {
    @Override
    List<String> records(MerchantData merchant, String prefix, int count) throws Exception {
      return merchant.doublyPaidOrders(prefix, count);
    }

    @Override
    String drive(ClaimdeskNode node, String orderId) throws Exception {
      return file(node, "/api/discrepancy-reports", Map.of("paymentId", "pay2-" + orderId,
          "email", MerchantData.email(orderId), "kind", "DUPLICATE_CHARGE",
          "description", "I was charged twice for one session.", "channel", "WEB", "language", "en")).path("reference").asText();
    }
  },

  /** A wallet recharge paid 80 hours ago and never credited (WR-2): checked and credited once. */
  WALLET("wallet-recharge-issue") {
    @Override
    List<String> records(MerchantData merchant, String prefix, int count) throws Exception {
      return merchant.paidOrders(prefix, count, true);
    }

    @Override
    String drive(ClaimdeskNode node, String orderId) throws Exception {
      return file(node, "/api/wallet-recharge-issues", Map.of("orderId", orderId, "payerName", "Bench Customer",
          "email", MerchantData.email(orderId), "language", "en")).path("reference").asText();
    }
  };

  /** The engine API of the webapps, as Tasklist calls it (below {@code /camunda}). */
  private static final String TASKLIST_ENGINE = "/api/engine/engine/default";

  private final String processKey;

  CasePath(String processKey) {
    this.processKey = processKey;
  }

  String processKey() {
    return processKey;
  }

  /** Writes the merchant records for {@code count} cases; answers what each case's claim names. */
  abstract List<String> records(MerchantData merchant, String prefix, int count) throws Exception;

  /** The customer's and the staff's steps of one case; answers its reference. The rest is the job executor's. */
  abstract String drive(ClaimdeskNode node, String record) throws Exception;

  /**
   * Files a claim as a customer's page or app would: with an idempotency key, and sent again with
   * the same key after the {@code Retry-After} of a 503 (the node was filing as many claims as it
   * may, {@code IntakeAdmission}); answers the 201 body.
   */
  static JsonNode file(ClaimdeskNode node, String path, Map<String, Object> claim) throws Exception {
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    while (true) {
      java.net.http.HttpResponse<String> answer = node.sendRaw("POST", path, claim, key);
      java.util.Optional<String> retryAfter = answer.headers().firstValue("Retry-After");
      if (answer.statusCode() != 503 || retryAfter.isEmpty()) {
        return ClaimdeskNode.expectJson(answer, 201);
      }
      node.countShedClaim();
      Thread.sleep(1000L * Long.parseLong(retryAfter.get()));
    }
  }
}
