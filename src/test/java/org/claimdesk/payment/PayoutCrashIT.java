package org.claimdesk.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.claimdesk.testsupport.FakeStripe;
import org.claimdesk.testsupport.NodeProcess;
import org.claimdesk.testsupport.PostgresAvailableCondition;
import org.claimdesk.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application is killed after the processor's answer, before the engine's commit of the
 * refund job (once after the payout was recorded SUCCEEDED, once before), started again, and the
 * job retried: one refund at the processor, one payout, the case resolved once.
 *
 * <p>How the moment is caught: when the processor (WireMock) makes the refund, the test locks rows
 * in PostgreSQL before answering: the case's process instance (the engine's commit blocks on them)
 * or the payout (its SUCCEEDED record blocks). The test sees the node's connection waiting for the
 * lock, kills the node (SIGKILL), ends its waiting connection and releases the lock: what the node
 * was writing never commits. A new node takes the job once its lock expires and runs it again.
 */
@Tag("postgres")
@ExtendWith(PostgresAvailableCondition.class)
class PayoutCrashIT {

  private static final Duration LOCK_TIME = Duration.ofSeconds(5);

  @Test
  @DisplayName("killed between the processor's answer and the engine's commit, restarted: one refund, one payout")
  void killedBetweenTheProcessorsAnswerAndTheEnginesCommit() throws Exception {
    // The payout is recorded SUCCEEDED before the engine's commit blocks: the retry answers it
    // without asking the processor again.
    crashAndRestart("commit", (url, reference) -> lock(url, "select id_ from act_ru_execution where proc_inst_id_ in"
        + " (select id_ from act_ru_execution where business_key_ = ?) for update", reference),
        "SUCCEEDED", 1);
  }

  @Test
  @DisplayName("killed between the processor's answer and the payout's record, restarted: one refund, one payout")
  void killedBetweenTheProcessorsAnswerAndThePayoutsRecord() throws Exception {
    // The payout stays PENDING: the retry asks the processor again under the same key, and the
    // adapter finds the refund by its metadata instead of making a second one.
    crashAndRestart("record", (url, reference) -> lock(url, "select idempotency_key from claimdesk.payout"
        + " where case_reference = ? for update", reference),
        "PENDING", 2);
  }

  private interface RowLock {
    Connection lock(String url, String reference);
  }

  /**
   * Files a case on a node, takes {@code rowLock} when the processor makes its refund, kills the
   * node once it waits for that lock, restarts, and checks the case was refunded once.
   */
  private void crashAndRestart(String name, RowLock rowLock, String payoutAtCrash, int attempts) throws Exception {
    String url = PostgresTestDatabase.recreateDatabase("claimdesk_payout_crash");
    AtomicReference<Connection> lockHolder = new AtomicReference<>();
    try (FakeStripe stripe = new FakeStripe()) {
      String id = PayoutNodes.newId();
      String charge = "pi_2_" + id;
      stripe.afterRefundMade(refund -> {
        if (refund.chargeReference().equals(charge)) {
          String reference = refund.idempotencyKey().substring(0, refund.idempotencyKey().indexOf(':'));
          lockHolder.set(rowLock.lock(url, reference));
        }
      });
      String reference;
      try (NodeProcess first = PayoutNodes.start("payout-crash-" + name + "-first", url, stripe, LOCK_TIME)) {
        int port = first.awaitStarted(Duration.ofMinutes(4));
        reference = PayoutNodes.fileDuplicateCharge(port, stripe, id);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
            .until(() -> lockHolder.get() != null && backendsWaitingForALock(url) > 0);
        first.kill();
      }
      try (Connection admin = PayoutNodes.connect(url); Statement statement = admin.createStatement()) {
        // The killed node's connection still waits for the lock; end it so it can never commit.
        statement.execute("select pg_terminate_backend(pid) from pg_stat_activity"
            + " where datname = current_database() and wait_event_type = 'Lock'");
      }
      lockHolder.get().rollback();
      lockHolder.get().close();

      String key = reference + ":refund-1";
      assertThat(stripe.refundsWithKey(key)).as("the processor refunded before the crash").hasSize(1);
      assertThat(PayoutNodes.strings(url, "select status from claimdesk.payout where case_reference = ?", reference))
          .containsExactly(payoutAtCrash);
      assertThat(PayoutNodes.count(url, "select count(*) from claimdesk.case_timeline where case_reference = ?"
          + " and kind = 'DISCREPANCY_RESOLVED'", reference)).as("the job's work was not committed").isZero();
      assertThat(PayoutNodes.count(url, "select count(*) from act_ru_job j join act_ru_execution e"
          + " on e.id_ = j.process_instance_id_ join act_ru_jobdef d on d.id_ = j.job_def_id_"
          + " where e.business_key_ = ? and d.act_id_ = 'Task_RefundPayment'", reference))
          .as("the refund job is still there").isOne();

      String second = "payout-crash-" + name + "-second";
      try (NodeProcess restarted = PayoutNodes.start(second, url, stripe, LOCK_TIME)) {
        restarted.awaitStarted(Duration.ofMinutes(4));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
            .until(() -> PayoutNodes.ended(url, reference));
      }

      assertThat(stripe.refundsWithKey(key)).hasSize(1);
      assertThat(stripe.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))
          .withHeader("Idempotency-Key", equalTo(key)))).as("refund requests").hasSize(1);
      assertThat(PayoutNodes.strings(url, "select status || ' ' || reference || ' ' || attempts"
          + " from claimdesk.payout where case_reference = ?", reference))
          .containsExactly("SUCCEEDED " + stripe.refundsWithKey(key).get(0).id() + " " + attempts);
      assertThat(PayoutNodes.count(url, "select count(*) from claimdesk.case_timeline where case_reference = ?"
          + " and kind = 'DISCREPANCY_RESOLVED'", reference)).isOne();
      assertThat(PayoutNodes.count(url, "select count(*) from act_hi_job_log l join act_hi_procinst p"
          + " on p.proc_inst_id_ = l.process_instance_id_ where p.business_key_ = ? and l.act_id_ = 'Task_RefundPayment'"
          + " and l.job_state_ = 2 and l.hostname_ = ?", reference, second))
          .as("the restarted node ran the refund job").isOne();
    } finally {
      Connection connection = lockHolder.get();
      if (connection != null && !connection.isClosed()) {
        connection.rollback();
        connection.close();
      }
    }
  }

  /** Locks the rows {@code sql} selects for the case in a transaction left open; returns its connection. */
  private static Connection lock(String url, String sql, String reference) {
    try {
      Connection connection = PayoutNodes.connect(url);
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, reference);
        try (ResultSet rows = statement.executeQuery()) {
          if (!rows.next()) {
            throw new IllegalStateException("Nothing to lock for " + reference);
          }
        }
      }
      return connection;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long backendsWaitingForALock(String url) throws Exception {
    return PayoutNodes.count(url, "select count(*) from pg_stat_activity"
        + " where datname = current_database() and wait_event_type = 'Lock'");
  }
}
