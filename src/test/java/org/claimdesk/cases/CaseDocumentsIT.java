package org.claimdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.claimdesk.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link CaseDocuments} on PostgreSQL: two transactions (two nodes running the same engine job)
 * store the same document at once; the unique key makes the second wait, its insert is refused
 * in a savepoint, and it goes on with the first one's document, its own transaction intact.
 */
@PostgresIntegrationTest
class CaseDocumentsIT {

  @Autowired
  CaseDocuments documents;
  @Autowired
  JdbcCaseService cases;
  @Autowired
  CaseTimelineStore timeline;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TransactionTemplate transaction;

  static byte[] pdf(String note) {
    return ("%PDF-1.7\n% " + note + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  @DisplayName("the same key stored by two transactions at once: one document, the first one's bytes, both commit")
  void concurrentStoresKeepOneDocument() throws Exception {
    String reference = transaction.execute(status -> cases.open(new JdbcCaseService.NewCase(
        CaseType.PAYMENT_DISCREPANCY, "cus-marie", "pay-" + UUID.randomUUID(), Locale.FRENCH, "Débité deux fois"))
        .reference());
    CountDownLatch firstStored = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Future<CaseDocument> first = nodes.submit(() -> transaction.execute(status -> {
        CaseDocument document = documents.store(reference, "resolution", CaseDocuments.RESOLUTION, "first.pdf",
            "application/pdf", pdf("first"));
        firstStored.countDown();
        await(releaseFirst);
        return document;
      }));
      assertThat(firstStored.await(10, TimeUnit.SECONDS)).isTrue();
      Future<String> second = nodes.submit(() -> transaction.execute(status -> {
        CaseDocument document = documents.store(reference, "resolution", CaseDocuments.RESOLUTION, "second.pdf",
            "application/pdf", pdf("second"));
        // The transaction is still usable after the refused insert: the savepoint took the error.
        cases.appendTimeline(reference, "DOCUMENT_CHECK", "second transaction goes on");
        return document.id();
      }));
      awaitLockWait();
      releaseFirst.countDown();

      CaseDocument stored = first.get(10, TimeUnit.SECONDS);
      assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(stored.id());
    } finally {
      releaseFirst.countDown();
      nodes.shutdownNow();
    }
    assertThat(documents.documentsOf(reference)).singleElement()
        .satisfies(document -> assertThat(document.fileName()).isEqualTo("first.pdf"));
    assertThat(documents.content(reference, documents.documentsOf(reference).get(0).id())).get()
        .satisfies(content -> assertThat(content.content()).isEqualTo(pdf("first")));
    assertThat(timeline.entriesOf(reference)).extracting(TimelineEntry::kind).contains("DOCUMENT_CHECK");
  }

  /** Until a session of this database waits for a lock: the second insert, behind the first one's key. */
  private void awaitLockWait() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      long waiting = jdbc.sql("select count(*) from pg_stat_activity"
              + " where datname = current_database() and wait_event_type = 'Lock'")
          .query(Long.class).single();
      if (waiting > 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("The second transaction never waited for the first one's key");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
