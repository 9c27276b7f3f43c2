package org.claimdesk.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How big each scenario is: the full run (the figures the README reports, about nine minutes on
 * two cores) or {@code -Dbenchmark.quick=true} (a couple of minutes, for trying a change; its
 * figures are not comparable with the targets). {@code -Dbenchmark.scenarios=refund,intake,...}
 * runs only some; {@code -Dbenchmark.output} names the JSON file.
 */
record Settings(boolean quick, Set<String> scenarios, Path output,
    int bareWarmup, int bareRounds, int bareCases, int clients,
    int ceilingRounds, Duration ceilingRound,
    int pathWarmup, int pathRounds, int pathCases,
    double intakeRate, Duration intakeWarmup, int intakeRounds, Duration intakeRound, Duration overloadRound,
    int burstWarmup, int burstTimers, int burstRealCases,
    int openTasks, int tasklistWarmup, int tasklistRounds, int tasklistQueries) {

  static final Set<String> ALL = Set.of("baselines", "refund", "cancellation", "discrepancy", "wallet", "nodes",
      "intake", "timers", "tasklist");

  static Settings fromSystemProperties() {
    boolean quick = Boolean.parseBoolean(System.getProperty("benchmark.quick", "false"));
    String chosen = System.getProperty("benchmark.scenarios", "");
    Set<String> scenarios = chosen.isBlank() ? ALL
        : Arrays.stream(chosen.split(",")).map(String::trim).map(String::toLowerCase).collect(Collectors.toSet());
    if (!ALL.containsAll(scenarios)) {
      throw new IllegalArgumentException("benchmark.scenarios: choose from " + ALL + ", not " + chosen);
    }
    Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark/benchmark.json"));
    if (quick) {
      return new Settings(true, scenarios, output,
          100, 2, 300, 8,                                      // bare engine: warm-up, rounds, cases per round, clients
          2, Duration.ofSeconds(2),                            // JDBC ceiling: rounds, round length
          20, 2, 60,                                           // paths: warm-up cases, rounds, cases per round
          100, Duration.ofSeconds(3), 2, Duration.ofSeconds(5), // intake: rate, warm-up, rounds, round length,
          Duration.ofSeconds(5),                               //   the overload's one round
          100, 1_000, 100,                                     // timer burst: warm-up, timers, real cases at least
          20_000, 3, 2, 10);                                   // Tasklist: open tasks, warm-up, rounds, queries
    }
    return new Settings(false, scenarios, output,
        200, 3, 400, 8,
        3, Duration.ofSeconds(5),
        60, 3, 100,
        100, Duration.ofSeconds(5), 3, Duration.ofSeconds(20), Duration.ofSeconds(20),
        500, 10_000, 500,
        100_000, 3, 3, 10);
  }

  boolean runs(String scenario) {
    return scenarios.contains(scenario);
  }
}
