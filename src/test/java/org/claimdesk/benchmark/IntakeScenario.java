package org.claimdesk.benchmark;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Refund claims through {@code POST /api/refund-requests} at a fixed offered rate, open loop: the
 * n-th claim is due at start + n / rate whether or not earlier ones were answered, and its latency
 * is counted from when it was due (so a stalled server is not hidden by a client that waits for
 * it). A warm-up at the same rate, then rounds back to back; an error is any answer but 201 or no
 * answer within the timeout. The claims stay open in review: they are the backlog the timer burst
 * and Tasklist scenarios build on.
 */
final class IntakeScenario {

  /** One round: its percentiles in milliseconds, claims offered and errors. */
  record Round(int offered, int errors, double p50, double p95, double p99, double max) {
  }

  /** The rounds, their percentiles' median and spread, and the percentiles over all rounds together. */
  record Result(double rate, Duration roundLength, List<Round> rounds, Spread p95, int offered, int errors,
      double p50, double p95Overall, double p99, double max, double answeredPerSecond, long filedByNode,
      double filedByNodePerSecond, List<String> firstErrors) {
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ClaimdeskNode node;
  private final BenchmarkDatabase database;
  private final MerchantData merchant;

  IntakeScenario(ClaimdeskNode node, BenchmarkDatabase database) {
    this.node = node;
    this.database = database;
    this.merchant = new MerchantData(database);
  }

  Result run(double rate, Duration warmup, int rounds, Duration roundLength) throws Exception {
    int warmupClaims = (int) (rate * warmup.toSeconds());
    int roundClaims = (int) (rate * roundLength.toSeconds());
    String prefix = "bi" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    List<String> orders = merchant.paidOrders(prefix, warmupClaims + rounds * roundClaims, false);
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    AtomicInteger errorCount = new AtomicInteger();
    List<Histogram> histograms = new ArrayList<>();
    List<AtomicInteger> roundErrors = new ArrayList<>();
    AtomicInteger created = new AtomicInteger();
    java.util.concurrent.atomic.AtomicLong lastAnswer = new java.util.concurrent.atomic.AtomicLong();
    ConcurrentHistogram warmupHistogram = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
    for (int r = 0; r < rounds; r++) {
      histograms.add(new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3));
      roundErrors.add(new AtomicInteger());
    }
    List<CompletableFuture<Void>> answers = new ArrayList<>();
    long intervalNanos = (long) (1e9 / rate);
    long start = System.nanoTime();
    java.time.Instant startedAt = java.time.Instant.now();
    long startedAtEpochNanos = startedAt.getEpochSecond() * 1_000_000_000L + startedAt.getNano();
    for (int n = 0; n < orders.size(); n++) {
      long due = start + n * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int round = n < warmupClaims ? -1 : (n - warmupClaims) / roundClaims;
      Histogram histogram = round < 0 ? warmupHistogram : histograms.get(round);
      AtomicInteger failures = round < 0 ? new AtomicInteger() : roundErrors.get(round);
      String order = orders.get(n);
      HttpRequest request = node.request("/api/refund-requests", null).timeout(TIMEOUT)
          .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
          .POST(ClaimdeskNode.json(Map.of("orderId", order, "email", MerchantData.email(order),
              "reason", "NOT_DELIVERED", "description", "The session never took place.", "language", "en")))
          .build();
      answers.add(node.http().sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
        long answered = System.nanoTime();
        histogram.recordValue(Math.max(1, (answered - due) / 1000));
        if (failure == null && response.statusCode() == 201) {
          created.incrementAndGet();
          lastAnswer.accumulateAndGet(answered, Math::max);
        }
        if (failure != null || response.statusCode() != 201) {
          failures.incrementAndGet();
          if (round >= 0) {
            errorCount.incrementAndGet();
          }
          if (errors.size() < 5) {
            errors.add(failure != null ? failure.toString() : response.statusCode() + " " + response.body());
          }
        }
        return null;
      }));
    }
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    long[] filed = filedByNode(prefix);
    double filedSeconds = (filed[1] - startedAtEpochNanos) / 1e9;

    List<Round> measured = new ArrayList<>();
    Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    for (int r = 0; r < rounds; r++) {
      Histogram h = histograms.get(r);
      all.add(h);
      measured.add(new Round(roundClaims, roundErrors.get(r).get(), ms(h, 50), ms(h, 95), ms(h, 99),
          h.getMaxValue() / 1000.0));
    }
    return new Result(rate, roundLength, measured, Spread.of(measured.stream().map(Round::p95).toList()),
        rounds * roundClaims, errorCount.get(), ms(all, 50), ms(all, 95), ms(all, 99), all.getMaxValue() / 1000.0,
        // what the node kept up with: claims filed (201) from the first sent until the last answered
        created.get() / Math.max(1e-9, (lastAnswer.get() - start) / 1e9), filed[0],
        filed[0] / Math.max(1e-9, filedSeconds), List.copyOf(errors));
  }

  /**
   * What the node itself filed of the claims offered, answered in time or not (it goes on with a
   * request whose client gave up): waits until no more appear, then answers their count and, in
   * epoch nanoseconds, when the last was opened.
   */
  private long[] filedByNode(String prefix) throws java.sql.SQLException, InterruptedException {
    long previous = -1;
    try (java.sql.Connection connection = database.connect();
        java.sql.PreparedStatement query = connection.prepareStatement("SELECT count(*), max(opened_at)"
            + " FROM claimdesk.claim_case WHERE subject_id LIKE ?")) {
      query.setString(1, prefix + "-%");
      while (true) {
        try (java.sql.ResultSet result = query.executeQuery()) {
          PgStatistics.countOwnTransaction();
          result.next();
          long count = result.getLong(1);
          if (count == previous) {
            java.sql.Timestamp last = result.getTimestamp(2);
            return new long[] {count, last == null ? 0 : last.toInstant().getEpochSecond() * 1_000_000_000L
                + last.toInstant().getNano()};
          }
          previous = count;
        }
        Thread.sleep(2000);
      }
    }
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
