package org.claimdesk.benchmark;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Refund claims through {@code POST /api/refund-requests} at a fixed offered rate, open loop: the
 * n-th claim is due at start + n / rate whether or not earlier ones were answered, and its latency
 * is counted from when it was due (so a stalled server is not hidden by a client that waits for
 * it). A warm-up at the same rate, then rounds back to back. Each answer is accepted (201), shed
 * (503 with {@code Retry-After}: the node refused it at once, {@code IntakeAdmission}) or an error
 * (anything else, or no answer within the timeout); percentiles are of the accepted claims, and
 * the shed answers' own. The node's CPU time over the measured rounds, divided by the claims it
 * filed in them, is the CPU per filed claim. Every accepted claim's case is looked up afterwards:
 * one missing is a claim lost. The claims stay open in review: they are the backlog the timer
 * burst and Tasklist scenarios build on.
 */
final class IntakeScenario {

  /** One round: percentiles in milliseconds of its accepted claims; claims offered, accepted, shed, errors. */
  record Round(int offered, int accepted, int shed, int errors, double p50, double p95, double p99, double max) {
  }

  /**
   * The rounds, their p95's median and spread, and over all rounds together: the percentiles of
   * the accepted claims and of the shed answers, counts, what the node filed, its CPU per filed
   * claim, and accepted claims whose case is missing (lost).
   */
  record Result(double rate, Duration roundLength, List<Round> rounds, Spread p95, int offered, int accepted,
      int shed, int errors, double p50, double p95Overall, double p99, double max, double shedP95,
      double answeredPerSecond, long filedByNode, double filedByNodePerSecond, double cpuMsPerFiledClaim,
      long lost, List<String> firstErrors) {
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
    ConcurrentLinkedQueue<String> acceptedReferences = new ConcurrentLinkedQueue<>();
    List<Histogram> histograms = new ArrayList<>();
    List<AtomicInteger[]> counts = new ArrayList<>();
    ConcurrentHistogram warmupHistogram = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
    ConcurrentHistogram shedHistogram = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
    AtomicInteger[] warmupCounts = counters();
    for (int r = 0; r < rounds; r++) {
      histograms.add(new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3));
      counts.add(counters());
    }
    AtomicLong lastAnswer = new AtomicLong();
    List<CompletableFuture<Void>> answers = new ArrayList<>();
    long intervalNanos = (long) (1e9 / rate);
    long start = System.nanoTime();
    Instant measuredFrom = null;
    Duration cpuBefore = null;
    for (int n = 0; n < orders.size(); n++) {
      long due = start + n * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (n == warmupClaims) {
        measuredFrom = Instant.now();
        cpuBefore = node.cpuTime();
      }
      int round = n < warmupClaims ? -1 : (n - warmupClaims) / roundClaims;
      Histogram histogram = round < 0 ? warmupHistogram : histograms.get(round);
      AtomicInteger[] roundCounts = round < 0 ? warmupCounts : counts.get(round);
      String order = orders.get(n);
      HttpRequest request = node.request("/api/refund-requests", null).timeout(TIMEOUT)
          .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
          .POST(ClaimdeskNode.json(Map.of("orderId", order, "email", MerchantData.email(order),
              "reason", "NOT_DELIVERED", "description", "The session never took place.", "language", "en")))
          .build();
      answers.add(node.http().sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
        long answered = System.nanoTime();
        long micros = Math.max(1, (answered - due) / 1000);
        if (failure == null && response.statusCode() == 201) {
          histogram.recordValue(micros);
          roundCounts[ACCEPTED].incrementAndGet();
          lastAnswer.accumulateAndGet(answered, Math::max);
          if (round >= 0) {
            acceptedReferences.add(reference(response.body()));
          }
        } else if (failure == null && response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()) {
          roundCounts[SHED].incrementAndGet();
          if (round >= 0) {
            shedHistogram.recordValue(micros);
          }
        } else {
          roundCounts[ERRORS].incrementAndGet();
          if (round >= 0 && errors.size() < 5) {
            errors.add(failure != null ? failure.toString() : response.statusCode() + " " + response.body());
          }
        }
        return null;
      }));
    }
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    long[] filed = filedByNode(prefix, measuredFrom);
    Duration cpu = node.cpuTime().minus(cpuBefore);
    long measuredFromNanos = measuredFrom.getEpochSecond() * 1_000_000_000L + measuredFrom.getNano();
    double filedSeconds = (filed[1] - measuredFromNanos) / 1e9;

    List<Round> measured = new ArrayList<>();
    Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    int accepted = 0;
    int shed = 0;
    int errorCount = 0;
    for (int r = 0; r < rounds; r++) {
      Histogram h = histograms.get(r);
      all.add(h);
      AtomicInteger[] c = counts.get(r);
      accepted += c[ACCEPTED].get();
      shed += c[SHED].get();
      errorCount += c[ERRORS].get();
      measured.add(new Round(roundClaims, c[ACCEPTED].get(), c[SHED].get(), c[ERRORS].get(), ms(h, 50), ms(h, 95),
          ms(h, 99), h.getMaxValue() / 1000.0));
    }
    return new Result(rate, roundLength, measured, Spread.of(measured.stream().map(Round::p95).toList()),
        rounds * roundClaims, accepted, shed, errorCount, ms(all, 50), ms(all, 95), ms(all, 99),
        all.getMaxValue() / 1000.0, ms(shedHistogram, 95),
        // what the node kept up with: claims filed (201) from the first sent until the last answered
        (accepted + warmupCounts[ACCEPTED].get()) / Math.max(1e-9, (lastAnswer.get() - start) / 1e9), filed[0],
        filed[0] / Math.max(1e-9, filedSeconds), filed[0] == 0 ? Double.NaN : cpu.toNanos() / 1e6 / filed[0],
        missing(List.copyOf(acceptedReferences)), List.copyOf(errors));
  }

  private static final int ACCEPTED = 0;
  private static final int SHED = 1;
  private static final int ERRORS = 2;

  private static AtomicInteger[] counters() {
    return new AtomicInteger[] {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
  }

  private static String reference(String body) {
    try {
      return ClaimdeskNode.parse(body).path("reference").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("A 201 without its case: " + body, e);
    }
  }

  /**
   * What the node itself filed of the claims offered since {@code from}, answered in time or not
   * (it goes on with a request whose client gave up): waits until no more appear, then answers
   * their count and, in epoch nanoseconds, when the last was opened.
   */
  private long[] filedByNode(String prefix, Instant from) throws java.sql.SQLException, InterruptedException {
    long previous = -1;
    try (java.sql.Connection connection = database.connect();
        java.sql.PreparedStatement query = connection.prepareStatement("SELECT count(*), max(opened_at)"
            + " FROM claimdesk.claim_case WHERE subject_id LIKE ? AND opened_at >= ?")) {
      query.setString(1, prefix + "-%");
      query.setTimestamp(2, java.sql.Timestamp.from(from));
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

  /** How many of the accepted claims' cases are not in the database: claims lost after their 201. */
  private long missing(List<String> references) throws java.sql.SQLException {
    if (references.isEmpty()) {
      return 0;
    }
    try (java.sql.Connection connection = database.connect();
        java.sql.PreparedStatement query = connection.prepareStatement(
            "SELECT count(*) FROM claimdesk.claim_case WHERE reference = ANY (?)")) {
      query.setArray(1, connection.createArrayOf("varchar", references.toArray()));
      try (java.sql.ResultSet result = query.executeQuery()) {
        PgStatistics.countOwnTransaction();
        result.next();
        return references.size() - result.getLong(1);
      }
    }
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
