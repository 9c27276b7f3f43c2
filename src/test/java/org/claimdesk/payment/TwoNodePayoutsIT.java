package org.claimdesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import org.claimdesk.testsupport.FakeStripe;
import org.claimdesk.testsupport.NodeProcess;
import org.claimdesk.testsupport.PostgresAvailableCondition;
import org.claimdesk.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two production nodes (two JVMs) on one PostgreSQL database, both job executors working, paying
 * through the Stripe adapter against a processor on WireMock ({@link FakeStripe}): many
 * duplicate-charge cases, each refunded by the {@code payment-discrepancy} process without a
 * person, run to their end; and a refund job that outlives its lock runs on a second node while
 * the first still waits for the processor. Every case is paid once, no job is lost.
 *
 * <p>The figures of the run go to {@code target/nodes/two-node-figures.txt}.
 * {@code -Dclaimdesk.test.cluster.cases=N} sets how many cases are filed (100 by default).
 */
@Tag("postgres")
@ExtendWith(PostgresAvailableCondition.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodePayoutsIT {

  private static final Logger log = LoggerFactory.getLogger(TwoNodePayoutsIT.class);
  private static final int CASES = Integer.getInteger("claimdesk.test.cluster.cases", 100);
  private static final Duration LOCK_TIME = Duration.ofSeconds(5);

  private FakeStripe stripe;
  private String url;
  private NodeProcess node1;
  private NodeProcess node2;
  private int port1;
  private int port2;

  @BeforeAll
  void startTwoNodes() throws Exception {
    stripe = new FakeStripe();
    url = PostgresTestDatabase.recreateDatabase("claimdesk_payout_nodes");
    node1 = PayoutNodes.start("payout-node1", url, stripe, LOCK_TIME);
    node2 = PayoutNodes.start("payout-node2", url, stripe, LOCK_TIME);
    port1 = node1.awaitStarted(Duration.ofMinutes(4));
    port2 = node2.awaitStarted(Duration.ofMinutes(4));
  }

  @AfterAll
  void stopNodes() throws Exception {
    try (FakeStripe s = stripe; NodeProcess n1 = node1; NodeProcess n2 = node2) {
      log.info("Stopping the nodes");
    }
  }

  @Test
  @DisplayName("many cases filed on two nodes are each paid once and run to their end; no job is lost")
  void manyCasesOnTwoNodes() throws Exception {
    long started = System.nanoTime();
    List<String> references = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      references.add(PayoutNodes.fileDuplicateCharge(i % 2 == 0 ? port1 : port2, stripe, PayoutNodes.newId()));
    }

    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
        .until(() -> PayoutNodes.count(url, "select count(*) from act_hi_procinst where proc_def_key_ ="
            + " 'payment-discrepancy' and end_time_ is not null and business_key_ = any(?)",
            (Object) references.toArray(String[]::new)) == CASES);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    String[] refs = references.toArray(String[]::new);
    // Every case ran once, to its end, and was resolved once.
    assertThat(PayoutNodes.count(url, "select count(*) from act_hi_procinst where business_key_ = any(?)"
        + " and proc_def_key_ = 'payment-discrepancy' and state_ = 'COMPLETED'", (Object) refs)).isEqualTo(CASES);
    assertThat(PayoutNodes.count(url, "select count(*) from claimdesk.case_timeline where case_reference = any(?)"
        + " and kind = 'DISCREPANCY_RESOLVED'", (Object) refs)).isEqualTo(CASES);
    assertThat(PayoutNodes.count(url, "select count(*) from claimdesk.claim_case where reference = any(?)"
        + " and outcome = 'REFUNDED'", (Object) refs)).isEqualTo(CASES);
    // One refund per case at the processor, one SUCCEEDED payout per case, the same refund.
    Set<String> keys = new HashSet<>();
    int refundsAtProcessor = 0;
    for (String reference : references) {
      List<FakeStripe.FakeRefund> made = stripe.refundsWithKey(reference + ":refund-1");
      refundsAtProcessor += made.size();
      assertThat(made).as("refunds of " + reference).hasSize(1);
      assertThat(made.get(0).amount()).isEqualTo(PayoutNodes.AMOUNT);
      keys.add(made.get(0).idempotencyKey());
      assertThat(PayoutNodes.strings(url, "select reference from claimdesk.payout where case_reference = ?"
          + " and status = 'SUCCEEDED'", reference)).containsExactly(made.get(0).id());
    }
    long payouts = PayoutNodes.count(url, "select count(*) from claimdesk.payout where case_reference = any(?)",
        (Object) refs);
    int duplicates = refundsAtProcessor - keys.size();
    // No job lost: nothing left to run, no incident, no failed job.
    long jobsLeft = PayoutNodes.count(url, "select count(*) from act_ru_job j join act_ru_execution e"
        + " on e.id_ = j.process_instance_id_ where e.business_key_ = any(?)", (Object) refs);
    long unfinished = CASES - PayoutNodes.count(url, "select count(*) from act_hi_procinst where"
        + " business_key_ = any(?) and end_time_ is not null", (Object) refs);
    long incidents = PayoutNodes.count(url, "select count(*) from act_hi_incident i join act_hi_procinst p"
        + " on p.proc_inst_id_ = i.proc_inst_id_ where p.business_key_ = any(?)", (Object) refs);
    List<String> jobsByNode = PayoutNodes.strings(url, "select hostname_ || ' ' || count(*) from act_hi_job_log l"
        + " join act_hi_procinst p on p.proc_inst_id_ = l.process_instance_id_ where p.business_key_ = any(?)"
        + " and l.job_state_ = 2 group by hostname_ order by hostname_", (Object) refs);

    String figures = "two nodes, one PostgreSQL: cases filed " + CASES + ", finished " + (CASES - unfinished)
        + ", refunds at the processor " + refundsAtProcessor + ", payouts recorded " + payouts
        + ", duplicate refunds " + duplicates + ", jobs lost " + (jobsLeft + unfinished) + ", incidents " + incidents
        + ", refund requests received " + stripe.refundRequests() + ", jobs done per node " + jobsByNode
        + ", took " + took.toSeconds() + " s";
    log.info(figures);
    Files.writeString(Path.of("target", "nodes", "two-node-figures.txt"), figures + System.lineSeparator());

    assertThat(refundsAtProcessor).isEqualTo(CASES);
    assertThat(payouts).isEqualTo(CASES);
    assertThat(duplicates).isZero();
    assertThat(jobsLeft).isZero();
    assertThat(unfinished).isZero();
    assertThat(incidents).isZero();
    assertThat(jobsByNode).as("both job executors worked").hasSize(2)
        .anySatisfy(line -> assertThat(line).startsWith("payout-node1 "))
        .anySatisfy(line -> assertThat(line).startsWith("payout-node2 "));
  }

  @Test
  @DisplayName("the webhook endpoint takes signed events once and refuses unsigned ones naming the header")
  void theWebhookEndpoint() throws Exception {
    String id = "evt_nodes_" + PayoutNodes.newId();
    String payload = "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"" + Stripe.API_VERSION
        + "\",\"created\":" + Instant.now().getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,"
        + "\"type\":\"refund.updated\",\"data\":{\"object\":{\"id\":\"re_nodes\",\"object\":\"refund\","
        + "\"amount\":100,\"currency\":\"eur\",\"status\":\"succeeded\",\"metadata\":{}}}}";
    String signature = Webhook.Signature.generateSignatureHeader(payload, PayoutNodes.WEBHOOK_SECRET);

    HttpResponse<String> unsigned = PayoutNodes.webhook(port1, payload, null);
    HttpResponse<String> forged = PayoutNodes.webhook(port2, payload,
        Webhook.Signature.generateSignatureHeader(payload, "whsec_forged"));
    HttpResponse<String> first = PayoutNodes.webhook(port1, payload, signature);
    HttpResponse<String> again = PayoutNodes.webhook(port2, payload, signature);

    for (HttpResponse<String> refused : List.of(unsigned, forged)) {
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.body()).contains("\"field\":\"Stripe-Signature\"");
    }
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("\"duplicate\":false");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"duplicate\":true");
    assertThat(PayoutNodes.count(url, "select count(*) from claimdesk.processor_event where id = ?", id)).isOne();
  }

  @Test
  @DisplayName("a refund job that outlives its lock runs again on a node while the first waits: one refund")
  void aJobThatOutlivesItsLock() throws Exception {
    String id = PayoutNodes.newId();
    String charge = "pi_2_" + id;
    // The processor holds the first refund request until the job has been started a second time
    // (its lock expired after LOCK_TIME and a node took it again), then answers.
    stripe.afterRefundMade(refund -> {
      if (refund.chargeReference().equals(charge)) {
        String reference = refund.idempotencyKey().substring(0, refund.idempotencyKey().indexOf(':'));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
            .until(() -> PayoutNodes.count(url, "select coalesce(max(attempts), 0) from claimdesk.payout"
                + " where case_reference = ?", reference) >= 2);
      }
    });
    try {
      String reference = PayoutNodes.fileDuplicateCharge(port1, stripe, id);

      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
          .until(() -> PayoutNodes.ended(url, reference));

      String key = reference + ":refund-1";
      assertThat(stripe.refundsWithKey(key)).hasSize(1);
      assertThat(PayoutNodes.count(url, "select count(*) from claimdesk.payout where case_reference = ?", reference))
          .isOne();
      assertThat(PayoutNodes.count(url, "select attempts from claimdesk.payout where case_reference = ?", reference))
          .as("the refund job ran twice").isEqualTo(2);
      assertThat(PayoutNodes.strings(url, "select reference from claimdesk.payout where case_reference = ?"
          + " and status = 'SUCCEEDED'", reference)).containsExactly(stripe.refundsWithKey(key).get(0).id());
      assertThat(PayoutNodes.count(url, "select count(*) from claimdesk.case_timeline where case_reference = ?"
          + " and kind = 'DISCREPANCY_RESOLVED'", reference)).isOne();
      assertThat(PayoutNodes.count(url, "select count(*) from act_hi_incident i join act_hi_procinst p"
          + " on p.proc_inst_id_ = i.proc_inst_id_ where p.business_key_ = ?", reference)).isZero();
    } finally {
      stripe.afterRefundMade(refund -> { });
    }
  }
}
