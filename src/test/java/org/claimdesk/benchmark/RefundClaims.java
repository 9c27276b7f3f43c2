package org.claimdesk.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Refund claims filed as fast as {@code clients} customers can, each on an order of its own, left
 * open in review: the backlog the timer burst and Tasklist scenarios need when the intake scenario
 * has not left enough.
 */
final class RefundClaims {

  private RefundClaims() {
  }

  /** How many claims were filed and in how long: the backlog's set-up, reported beside the scenario. */
  record Filed(int claims, double seconds) {

    double perSecond() {
      return seconds == 0 ? 0 : claims / seconds;
    }
  }

  static Filed file(ClaimdeskNode node, BenchmarkDatabase database, int count, int clients) throws Exception {
    if (count <= 0) {
      return new Filed(0, 0);
    }
    Queue<String> orders = new ConcurrentLinkedQueue<>(new MerchantData(database).paidOrders(
        "bo" + Long.toString(System.nanoTime() % 1_000_000_000L, 36), count, false));
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        workers.add(pool.submit(() -> {
          String order;
          while ((order = orders.poll()) != null) {
            CasePath.file(node, "/api/refund-requests", Map.of("orderId", order,
                "email", MerchantData.email(order), "reason", "NOT_DELIVERED",
                "description", "The session never took place.", "language", "en"));
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      return new Filed(count, (System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
