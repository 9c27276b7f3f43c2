package org.claimdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.claimdesk.cases.CustomerApiTestBase;
import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Load shedding on the running application, PostgreSQL behind it: while the node files as many
 * claims as it may and its queue is full, one more claim is answered 503 at once and files
 * nothing; the queued claims are filed once a turn is free, and the refused one files once when
 * sent again with its key.
 */
@PostgresIntegrationTest
class IntakeAdmissionIT extends CustomerApiTestBase {

  @Autowired
  private FilterRegistrationBean<IntakeAdmission> admission;
  @Autowired
  private IntakeAdmissionProperties properties;
  @Autowired
  private MeterRegistry meters;

  @Test
  @DisplayName("queue full: 503 problem+json with Retry-After, nothing filed; the queued claims are filed; the refused one files once when sent again")
  void aClaimThatFindsTheQueueFullIsRefusedAtOnceAndTheQueuedOnesAreFiled() throws Exception {
    int queue = properties.queuedClaims();
    List<String> queuedOrders = new ArrayList<>();
    for (int i = 0; i < queue; i++) {
      String email = unique("queued") + "@example.com";
      queuedOrders.add(givenOrder(email, "en") + " " + email);
    }
    String email = unique("shed") + "@example.com";
    String refusedOrder = givenOrder(email, "en");
    Map<String, Object> refusedClaim = refundRequest(refusedOrder, email, "SERVICE_ISSUE");
    String key = "shed-" + refusedOrder;

    ExecutorService customers = Executors.newFixedThreadPool(queue);
    List<Future<Answer>> queued = new ArrayList<>();
    Answer refused;
    int held = admission.getFilter().holdTurns();
    try {
      assertThat(held).as("every turn of the node is taken").isEqualTo(properties.concurrentClaims());
      for (String order : queuedOrders) {
        String[] orderAndEmail = order.split(" ");
        queued.add(customers.submit(() -> fileRefund(refundRequest(orderAndEmail[0], orderAndEmail[1], "SERVICE_ISSUE"),
            "queued-" + orderAndEmail[0])));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> meters.get("claimdesk.intake.queued").gauge().value() == queue);

      refused = fileRefund(refusedClaim, key);
    } finally {
      admission.getFilter().release(held);
    }

    assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
    assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("1");
    assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
    assertThat(refused.json().path("detail").asText()).contains("nothing was filed");
    assertThat(casesOn(refusedOrder)).isZero();
    assertThat(meters.get("claimdesk.intake.shed").counter().count()).isPositive();

    try {
      for (int i = 0; i < queue; i++) {
        Answer answer = queued.get(i).get(60, TimeUnit.SECONDS);
        assertThat(answer.status()).as("queued claim %d: %s", i, answer).isEqualTo(201);
        assertThat(casesOn(queuedOrders.get(i).split(" ")[0])).isEqualTo(1);
      }
    } finally {
      customers.shutdownNow();
    }

    Answer retried = fileRefund(refusedClaim, key);
    Answer replayed = fileRefund(refusedClaim, key);

    assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
    assertThat(replayed.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(casesOn(refusedOrder)).isEqualTo(1);
  }
}
