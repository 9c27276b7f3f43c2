package org.claimdesk.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.claimdesk.commerce.Money;
import org.claimdesk.commerce.PaymentService;
import org.claimdesk.payment.PayoutReceipt;
import org.claimdesk.payment.Payouts;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.EngineJobs;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The processor's webhook events on PostgreSQL: the signature, duplicates, a refund that fails
 * after it succeeded (the reconciliation raises an incident naming the payout), and a dispute
 * that answers an investigation waiting for the processor (PD-3). The shared application runs the
 * sandbox processor, so the webhook handler is built here around its beans.
 */
@PostgresIntegrationTest
class StripeWebhooksIT {

  private static final String SECRET = "whsec_it_" + UUID.randomUUID().toString().replace("-", "");

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService tasks;
  @Autowired
  PaymentService payments;
  @Autowired
  Payouts payouts;
  @Autowired
  PlatformTransactionManager transactionManager;
  @Autowired
  Clock clock;

  private StripeWebhooks webhooks;

  @BeforeEach
  void handler() {
    webhooks = new StripeWebhooks(new StripeProperties(null, "sk_test_unused", SECRET, Duration.ofSeconds(5),
        Duration.ofSeconds(30), 3, Duration.ofSeconds(10), Duration.ofMinutes(5), 100), jdbc, runtime, payments,
        transactionManager, clock);
  }

  private static String event(String id, String type, String object) {
    return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"" + Stripe.API_VERSION + "\",\"created\":"
        + Instant.now().getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"" + type
        + "\",\"data\":{\"object\":" + object + "}}";
  }

  private static String refund(String id, String charge, long amount, String status, String key) {
    return "{\"id\":\"" + id + "\",\"object\":\"refund\",\"amount\":" + amount + ",\"currency\":\"eur\",\"charge\":\""
        + charge + "\",\"status\":\"" + status + "\",\"failure_reason\":\"lost_or_stolen_card\",\"metadata\":"
        + "{\"claimdesk_idempotency_key\":\"" + key + "\"},\"created\":" + Instant.now().getEpochSecond() + "}";
  }

  private static String signed(String payload) {
    try {
      return Webhook.Signature.generateSignatureHeader(payload, SECRET);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long events(String id) {
    return jdbc.sql("select count(*) from claimdesk.processor_event where id = :id").param("id", id)
        .query(Long.class).single();
  }

  @Test
  void anEventWithoutOrWithABadSignatureIsRefusedNamingTheHeaderAndNothingIsStored() {
    String id = "evt_bad_" + UUID.randomUUID();
    String payload = event(id, "refund.updated", refund("re_x", "ch_x", 100, "succeeded", "CD-AAAAAAAA:refund"));
    String otherSecret = "whsec_other";

    for (String signature : new String[] {null, "t=1,v1=00", signatureWith(payload, otherSecret)}) {
      assertThatThrownBy(() -> webhooks.receive(payload, signature))
          .isInstanceOfSatisfying(StripeWebhooks.WebhookRefusedException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.fieldProblems()).extracting(p -> p.field()).containsExactly("Stripe-Signature");
          });
    }
    // A signature of another payload does not fit this one.
    assertThatThrownBy(() -> webhooks.receive(payload.replace("100", "999"), signed(payload)))
        .isInstanceOf(StripeWebhooks.WebhookRefusedException.class);
    assertThat(events(id)).isZero();
  }

  @Test
  void anEventDeliveredAgainIsRecordedOnceAndIgnored() {
    String id = "evt_dup_" + UUID.randomUUID();
    String payload = event(id, "refund.updated", refund("re_dup", "ch_dup", 100, "succeeded", "CD-BBBBBBBB:refund"));

    StripeWebhooks.Outcome first = webhooks.receive(payload, signed(payload));
    StripeWebhooks.Outcome again = webhooks.receive(payload, signed(payload));

    assertThat(first.duplicate()).isFalse();
    assertThat(first.outcome()).isEqualTo("refund re_dup of payout CD-BBBBBBBB:refund is succeeded");
    assertThat(again.duplicate()).isTrue();
    assertThat(events(id)).isOne();
  }

  @Test
  void aRefundThatFailsLaterStartsTheReconciliationWhoseIncidentNamesThePayout() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String order = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(2)), null, 3000);
    String suffix = order.substring(7);
    String reference = "CD-" + suffix.toUpperCase().replaceAll("[^A-Z0-9]", "X").substring(0, 8);
    PayoutReceipt paid = payouts.refundPayment(reference, "refund", "it-pay-" + suffix, Money.of(3000, "EUR"));
    String key = reference + ":refund";
    // The bank returned the refund: the processor marks it failed and tells Claimdesk.
    jdbc.sql("update claimdesk.sandbox_refund set status = 'FAILED' where id = :id").param("id", paid.reference())
        .update();
    long runsBefore = runs();
    String id = "evt_failed_" + UUID.randomUUID();
    String payload = event(id, "refund.failed", refund(paid.reference(), "ch_" + suffix, 3000, "failed", key));

    StripeWebhooks.Outcome outcome = webhooks.receive(payload, signed(payload));

    assertThat(outcome.outcome()).contains("failed (lost_or_stolen_card); reconciliation started");
    assertThat(runs()).isEqualTo(runsBefore + 1);
    ProcessInstance run = runtime.createProcessInstanceQuery().processDefinitionKey("payout-reconciliation")
        .orderByProcessInstanceId().desc().list().stream()
        .filter(p -> management.createJobQuery().processInstanceId(p.getId()).count() == 1
            && runtime.createIncidentQuery().processInstanceId(p.getId()).count() == 0)
        .findFirst().orElseThrow();
    Job job = management.createJobQuery().processInstanceId(run.getId()).singleResult();
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining(key);

    Incident incident = runtime.createIncidentQuery().processInstanceId(run.getId()).singleResult();
    assertThat(incident).as("R0: a mismatch is an incident at once").isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("Task_ReconcilePayouts");
    assertThat(incident.getIncidentMessage()).contains("FAILED_AT_PROCESSOR " + key + " / " + paid.reference()
        + ": the payout is SUCCEEDED, the processor reports the refund FAILED");
    // The event is recorded with what was done.
    assertThat(jdbc.sql("select outcome from claimdesk.processor_event where id = :id").param("id", id)
        .query(String.class).single()).contains("reconciliation started");
  }

  private long runs() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("payout-reconciliation").count();
  }

  @Test
  void aDisputeAnswersTheInvestigationThatWaitsForTheProcessor() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String order = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(5)), null, 2000);
    String suffix = order.substring(7);
    String reference = api.http().post().uri("/api/discrepancy-reports")
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body(Map.of("paymentId", "it-pay-" + suffix, "email", ClaimdeskApi.emailOf(order), "kind", "UNAUTHORIZED",
            "description", "Not me.", "channel", "WEB", "language", "en"))
        .retrieve().toEntity(com.fasterxml.jackson.databind.JsonNode.class).getBody().path("reference").asText();
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    EngineJobs.executeAsyncJobs(management, instance);
    String investigation = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    assertThat(api.completeTask(investigation, "fred", Map.of("investigationStep", "ASK_PROCESSOR",
        "institution", "PROCESSOR", "requestText", "Dispute status, please.")).getStatusCode().value()).isEqualTo(204);
    String dispute = "{\"id\":\"dp_" + suffix + "\",\"object\":\"dispute\",\"amount\":2000,\"currency\":\"eur\","
        + "\"charge\":\"ch_" + suffix + "\",\"payment_intent\":null,\"reason\":\"fraudulent\",\"status\":\"needs_response\","
        + "\"created\":" + Instant.now().getEpochSecond() + "}";
    String payload = event("evt_dp_" + UUID.randomUUID(), "charge.dispute.created", dispute);

    StripeWebhooks.Outcome outcome = webhooks.receive(payload, signed(payload));

    assertThat(outcome.outcome()).isEqualTo("dispute dp_" + suffix + " on ch_" + suffix + ": answered 1 investigation(s)");
    assertThat((String) runtime.getVariable(instance, "investigationNotes"))
        .contains("Dispute dp_" + suffix + " (charge.dispute.created): status needs_response, reason fraudulent, 20.00 EUR");
    // The investigation goes on: the next dispute event finds nobody waiting and changes nothing.
    String later = event("evt_dp2_" + UUID.randomUUID(), "charge.dispute.updated", dispute);
    assertThat(webhooks.receive(later, signed(later)).outcome()).endsWith("no investigation waits for the processor");
    List<String> open = tasks.createTaskQuery().processInstanceId(instance).list().stream()
        .map(t -> t.getTaskDefinitionKey()).toList();
    assertThat(open).containsExactly("Task_InvestigateDiscrepancy");
  }

  private static String signatureWith(String payload, String secret) {
    try {
      return Webhook.Signature.generateSignatureHeader(payload, secret);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
