package org.claimdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.claimdesk.commerce.Money;
import org.claimdesk.testsupport.ClaimdeskApi;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A payout that keeps failing becomes an incident with a clear message; a manager retries it
 * (through the engine REST API, as Cockpit does) once the cause is fixed, and it pays once.
 * The job executor is off in the integration tests: the test runs each due job as it would.
 */
@PostgresIntegrationTest
class PayoutIncidentIT {

  private static final String REFUND_TASK = "Task_RefundPayment";

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  PaymentProcessor processor;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aRefundThatKeepsFailingIsAnIncidentAManagerRetriesAfterTheFixAndItPaysOnce() {
    ClaimdeskApi api = new ClaimdeskApi(port);
    String order = api.order("SERVICE", "RENDERED", Instant.now().minus(Duration.ofDays(3)), null, 4900);
    String suffix = order.substring(7);
    String duplicate = "it-dup-" + suffix;
    String charge = "ch_dup_" + suffix;
    assertThat(api.post("/api/payments", Map.of("id", duplicate, "orderId", order, "processorReference", charge,
        "amount", 4900, "currency", "EUR", "capturedAt",
        Instant.now().minus(Duration.ofDays(3)).plusSeconds(240).truncatedTo(ChronoUnit.SECONDS).toString(),
        "status", "CAPTURED"), "shop").getStatusCode().value()).isEqualTo(201);
    String reference = report(api, "it-pay-" + suffix, order);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();
    // The checks prove the duplicate; the process reaches the refund.
    Job refundJob;
    while ((refundJob = refundJob(instance)) == null) {
      managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).messages()
          .list().get(0).getId());
    }
    // Meanwhile 10.00 EUR of the duplicate charge is refunded elsewhere: 49.00 no longer fits.
    ProcessorRefund blocker = processor.refund(new RefundInstruction("blocker-" + suffix, charge,
        Money.of(1000, "EUR"), "refunded elsewhere"));

    int runs = 0;
    while ((refundJob = refundJob(instance)).getRetries() > 0) {
      runs++;
      String jobId = refundJob.getId();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService.executeJob(jobId))
          .hasMessageContaining("AMOUNT_EXCEEDS_CHARGE");
    }

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
    assertThat(runs).as("the first run and the retries of R5/PT5M").isGreaterThanOrEqualTo(5);
    assertThat(incident.getActivityId()).isEqualTo(REFUND_TASK);
    assertThat(incident.getIncidentMessage())
        .isEqualTo("AMOUNT_EXCEEDS_CHARGE: a refund of 49.00 EUR on charge " + charge
            + " of 49.00 EUR, of which 10.00 EUR is refunded already; 39.00 EUR is left");
    assertThat(payout(reference)).containsExactly("PENDING", String.valueOf(runs),
        "ProcessorRefusedException: " + incident.getIncidentMessage());
    assertThat(liveRefundsOn(charge)).isOne();

    // Support may not retry; the manager may (Cockpit's retry is this call).
    assertThat(retry(api, refundJob.getId(), "anna")).isEqualTo(403);
    // The cause is fixed: the processor reports the other refund failed, so the charge is whole again.
    jdbc.sql("update claimdesk.sandbox_refund set status = 'FAILED' where id = :id").param("id", blocker.refundId())
        .update();
    assertThat(retry(api, refundJob.getId(), "mia")).isEqualTo(204);
    managementService.executeJob(refundJob.getId());

    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(payout(reference).subList(0, 2)).containsExactly("SUCCEEDED", String.valueOf(runs + 1));
    assertThat(liveRefundsOn(charge)).isOne();
    assertThat(jdbc.sql("select count(*) from claimdesk.sandbox_refund where idempotency_key = :k and amount = 4900"
        + " and status = 'SUCCEEDED'").param("k", reference + ":refund-1").query(Long.class).single()).isOne();
    // The job cannot be retried into a second refund: it is gone, the process went on.
    assertThat(refundJob(instance)).isNull();
  }

  private Job refundJob(String instance) {
    return managementService.createJobQuery().processInstanceId(instance).activityId(REFUND_TASK).singleResult();
  }

  private java.util.List<String> payout(String reference) {
    return jdbc.sql("select status, attempts, last_error from claimdesk.payout where idempotency_key = :k")
        .param("k", reference + ":refund-1")
        .query((rs, row) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)))
        .single();
  }

  private long liveRefundsOn(String charge) {
    return jdbc.sql("select count(*) from claimdesk.sandbox_refund where charge_reference = :c and status <> 'FAILED'")
        .param("c", charge).query(Long.class).single();
  }

  private static int retry(ClaimdeskApi api, String jobId, String user) {
    return api.http().put().uri("/engine-rest/job/" + jobId + "/retries")
        .headers(h -> h.setBasicAuth(user, "demo")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("retries", 1)).retrieve()
        .onStatus(status -> true, (request, response) -> { })
        .toBodilessEntity().getStatusCode().value();
  }

  private static String report(ClaimdeskApi api, String paymentId, String order) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("paymentId", paymentId);
    body.put("email", ClaimdeskApi.emailOf(order));
    body.put("kind", "DUPLICATE_CHARGE");
    body.put("description", "Charged twice.");
    body.put("channel", "WEB");
    body.put("language", "en");
    JsonNode answer = api.http().post().uri("/api/discrepancy-reports").contentType(MediaType.APPLICATION_JSON)
        .body(body).retrieve().toEntity(JsonNode.class).getBody();
    return answer.path("reference").asText();
  }
}
