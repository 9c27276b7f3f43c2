package org.claimdesk.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark command ({@code mvn -Pbenchmark verify}, README "Benchmark"): Claimdesk whole, as
 * production runs it, against PostgreSQL, beside the two baselines measured in the same run on the
 * same database, the figures printed as a table and written as JSON. docs/benchmark.md says what
 * each scenario does and how to read it.
 */
public final class Benchmark {

  /** The first-reply timers tell a team lead, as a configured installation does. */
  private static final List<String> NODE_SETTINGS = List.of("--claimdesk.service-levels.team-lead-email=lead@bench.example");

  private Benchmark() {
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromSystemProperties();
    BenchmarkDatabase database = BenchmarkDatabase.fromSettings();
    Report report = new Report(settings.quick());
    Instant began = Instant.now();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("mode", settings.quick() ? "quick" : "full");
    run.put("startedAt", began.toString());
    run.put("cores", Runtime.getRuntime().availableProcessors());
    run.put("java", System.getProperty("java.version"));
    run.put("database", database.describeServer());
    run.put("applicationHeap", ClaimdeskNode.HEAP);
    report.put("run", run);
    System.out.println("Claimdesk benchmark (" + run.get("mode") + ") on " + run.get("database"));

    BaselineFigures bare = null;
    if (settings.runs("baselines")) {
      progress("bare engine");
      bare = BareEngineBaseline.runInOwnJvm(database, settings.bareWarmup(), settings.bareRounds(),
          settings.bareCases(), settings.clients());
      report.put("bareEngine", bare);
      String scenario = "Baseline: bare engine";
      report.row(scenario, "refund-shaped cases/s (" + settings.clients() + " clients)", bare.casesPerSecond().format("%.1f"));
      report.row(scenario, "transactions / rows written per case", Report.f("%.1f / %.0f",
          bare.transactionsPerCase(), bare.rowsWrittenPerCase()));
      report.row(scenario, "history level, job threads, pool", bare.settings().get("historyLevel") + ", "
          + bare.settings().get("jobExecutorMaxPoolSize") + ", " + bare.settings().get("poolMaximumActiveConnections"));
      progress("JDBC ceiling");
      JdbcCeiling.CeilingFigures ceiling = JdbcCeiling.run(database, bare.transactionsPerCase(),
          bare.rowsWrittenPerCase(), settings.clients(), settings.ceilingRounds(), settings.ceilingRound());
      report.put("jdbcCeiling", ceiling);
      scenario = "Baseline: plain JDBC ceiling";
      report.row(scenario, "bare-engine-sized cases/s", ceiling.casesPerSecond().format("%.0f"));
      report.row(scenario, "transactions/s, rows/s", ceiling.transactionsPerSecond().format("%.0f") + ", "
          + ceiling.rowsPerSecond().format("%.0f"));
      report.row(scenario, "bare engine / ceiling", Report.f("%.2f", bare.casesPerSecond().median()
          / ceiling.casesPerSecond().median()));
    }

    database.reset();
    try (ClaimdeskNode node = ClaimdeskNode.start(database, NODE_SETTINGS)) {
      PathScenario paths = new PathScenario(node, database);
      Map<String, Object> pathFigures = new LinkedHashMap<>();
      for (CasePath path : CasePath.values()) {
        if (settings.runs(path.name().toLowerCase())) {
          progress("path " + path.processKey());
          int shedBefore = node.shedClaims();
          PathScenario.Result result = paths.run(path, settings.pathWarmup(), settings.pathRounds(),
              settings.pathCases(), settings.clients());
          pathFigures.put(path.name().toLowerCase(), result);
          String scenario = "Path: " + path.processKey();
          report.row(scenario, "cases/s (" + settings.clients() + " clients)", result.casesPerSecond().format("%.1f"));
          report.row(scenario, "transactions per case", Report.f("%.1f", result.transactionsPerCase()));
          report.row(scenario, "rows written per case", Report.f("%.0f", result.rowsWrittenPerCase()));
          report.row(scenario, "claims answered 503 and sent again", Integer.toString(node.shedClaims() - shedBefore));
          if (bare != null) {
            double ratio = result.casesPerSecond().median() / bare.casesPerSecond().median();
            report.row(scenario, "cases/s / bare engine's", Report.f("%.2f", ratio));
            double required = path == CasePath.REFUND ? 1.0 : 1.2;
            report.target(path.processKey() + " vs bare engine (cases/s)", Report.f(">= %.2fx", required),
                Report.f("%.2fx (%.1f vs %.1f)", ratio, result.casesPerSecond().median(), bare.casesPerSecond().median()),
                ratio >= required, Report.f("short by %.0f%%", (required - ratio) / required * 100));
          }
        }
      }
      report.put("paths", pathFigures);

      if (settings.runs("nodes")) {
        // The refund path on one node (as measured above, or now), then with the clients spread
        // over two nodes on the same database: filing, Tasklist and the payout jobs on both.
        PathScenario.Result oneNode = (PathScenario.Result) pathFigures.get("refund");
        if (oneNode == null) {
          progress("path refund-request, one node");
          oneNode = paths.run(CasePath.REFUND, settings.pathWarmup(), settings.pathRounds(), settings.pathCases(),
              settings.clients());
        }
        progress("path refund-request, two nodes");
        PathScenario.Result twoNodes;
        try (ClaimdeskNode second = ClaimdeskNode.startAnother(database, NODE_SETTINGS, node)) {
          twoNodes = new PathScenario(List.of(node, second), database).run(CasePath.REFUND, settings.pathWarmup(),
              settings.pathRounds(), settings.pathCases(), settings.clients());
        }
        report.put("twoNodes", Map.of("oneNode", oneNode, "twoNodes", twoNodes));
        String scenario = "Nodes: refund-request";
        report.row(scenario, "cases/s, 1 node", oneNode.casesPerSecond().format("%.1f"));
        report.row(scenario, "cases/s, 2 nodes on one database", twoNodes.casesPerSecond().format("%.1f"));
        report.row(scenario, "2 nodes / 1 node", Report.f("%.2f", twoNodes.casesPerSecond().median()
            / oneNode.casesPerSecond().median()));
        report.row(scenario, "transactions / rows per case, 2 nodes", Report.f("%.1f / %.0f",
            twoNodes.transactionsPerCase(), twoNodes.rowsWrittenPerCase()));
      }

      if (settings.runs("intake")) {
        progress("intake");
        IntakeScenario intakeScenario = new IntakeScenario(node, database);
        IntakeScenario.Result intake = intakeScenario.run(settings.intakeRate(),
            settings.intakeWarmup(), settings.intakeRounds(), settings.intakeRound());
        report.put("intake", intake);
        reportIntake(report, intake);
        long seconds = intake.rounds().size() * intake.roundLength().toSeconds();
        report.target(Report.f("intake p95 at %.0f/s for %ds", intake.rate(), seconds),
            "<= 50 ms, 0 errors", Report.f("%.1f ms, %d errors, %d shed", intake.p95Overall(), intake.errors(), intake.shed()),
            intake.p95Overall() <= 50 && intake.errors() + intake.shed() == 0, Report.f("p95 %.1fx the limit, %.0f%% not filed",
                intake.p95Overall() / 50, 100.0 * (intake.errors() + intake.shed()) / intake.offered()));
        report.target("intake CPU per filed claim", "<= 10 ms", Report.f("%.1f ms", intake.cpuMsPerFiledClaim()),
            intake.cpuMsPerFiledClaim() <= 10, Report.f("%.1fx the limit", intake.cpuMsPerFiledClaim() / 10));

        // Twice what the node filed per second at the offered rate (twice the offered rate if it kept up).
        double sustainable = Math.min(intake.rate(), intake.filedByNodePerSecond());
        progress(Report.f("intake overload at %.0f/s", 2 * sustainable));
        IntakeScenario.Result overload = intakeScenario.run(2 * sustainable, settings.intakeWarmup(), 1,
            settings.overloadRound());
        report.put("intakeOverload", overload);
        reportIntake(report, overload);
        report.target(Report.f("intake at 2x sustainable (%.0f/s)", overload.rate()),
            "503 at once, accepted p95 <= 100 ms, 0 errors, 0 lost",
            Report.f("%d shed (p95 %.1f ms), accepted p95 %.1f ms, %d errors, %d lost", overload.shed(), overload.shedP95(),
                overload.p95Overall(), overload.errors(), overload.lost()),
            overload.p95Overall() <= 100 && overload.shedP95() <= 100 && overload.errors() == 0 && overload.lost() == 0,
            Report.f("accepted p95 %.1fx the limit, shed p95 %.0f ms, %d errors, %d lost", overload.p95Overall() / 100,
                overload.shedP95(), overload.errors(), overload.lost()));
      }

      if (settings.runs("timers")) {
        progress("timer burst");
        TimerBurstScenario burst = new TimerBurstScenario(node, database);
        TimerBurstScenario.SetUp backlog = burst.ensureWaitingTimers(settings.burstWarmup() + settings.burstTimers(),
            settings.burstRealCases(), settings.clients());
        TimerBurstScenario.Result timers = burst.run(settings.burstWarmup(), settings.burstTimers());
        report.put("timerBurst", timers);
        report.put("timerBurstSetUp", backlog);
        String scenario = Report.f("Timer burst: %,d due at once", timers.timers());
        report.row(scenario, "jobs/s, due to last fired", Report.f("%.0f", timers.jobsPerSecond()));
        report.row(scenario, "jobs/s by second of the drain", timers.jobsPerSecondBySecond().format("%.0f"));
        report.row(scenario, "s until the last one fired", Report.f("%.1f", timers.secondsToLastFired()));
        report.row(scenario, "fired / twice / lost", timers.fired() + " / " + timers.firedTwice() + " / " + timers.lost());
        report.row(scenario, "set-up: filed through the API, per s", Report.f("%d, %.1f (%d clients)",
            backlog.filed().claims(), backlog.filed().perSecond(), settings.clients()));
        report.row(scenario, "set-up: copied in SQL, s", Report.f("%d, %.1f", backlog.copied(), backlog.copySeconds()));
        report.target(Report.f("timer burst of %,d", timers.timers()), ">= 300 jobs/s",
            Report.f("%.0f jobs/s, %d twice, %d lost", timers.jobsPerSecond(), timers.firedTwice(), timers.lost()),
            timers.jobsPerSecond() >= 300 && timers.firedTwice() == 0 && timers.lost() == 0,
            (timers.jobsPerSecond() >= 300 ? "" : Report.f("short by %.0f%%", (300 - timers.jobsPerSecond()) / 3))
                + (timers.firedTwice() + timers.lost() == 0 ? "" : Report.f(" %d fired twice, %d lost",
                    timers.firedTwice(), timers.lost())));
      }

      if (settings.runs("tasklist")) {
        progress("Tasklist query");
        TasklistScenario.Result tasklist = new TasklistScenario(node, database).run(settings.openTasks(),
            settings.tasklistWarmup(), settings.tasklistRounds(), settings.tasklistQueries(), settings.clients());
        report.put("tasklist", tasklist);
        String scenario = Report.f("Tasklist: %,d open tasks", tasklist.openTasks());
        report.row(scenario, "support queue, first page by due date", Report.f("%,d tasks in the queue",
            tasklist.supportQueue()));
        report.row(scenario, "p50 ms", tasklist.p50().format("%.1f"));
        report.row(scenario, "p95 ms", tasklist.p95().format("%.1f"));
        report.target(Report.f("Tasklist p95 at %,d open tasks", tasklist.openTasks()), "<= 150 ms",
            Report.f("%.1f ms", tasklist.p95().median()),
            tasklist.p95().median() <= 150 && tasklist.openTasks() >= 100_000,
            tasklist.p95().median() <= 150 ? "fewer than 100,000 open tasks"
                : Report.f("over by %.0f%%", (tasklist.p95().median() - 150) / 1.5));
      }

      Map<String, Double> memory = node.memory();
      report.put("applicationMemory", memory);
      report.row("Application JVM (" + ClaimdeskNode.HEAP + ")", "heap used / committed MB at the end",
          Report.f("%.0f / %.0f", memory.get("heapUsedMb"), memory.get("heapCommittedMb")));
      report.row("Application JVM (" + ClaimdeskNode.HEAP + ")", "GC pauses, total s",
          Report.f("%.0f, %.1f", memory.get("gcPauses"), memory.get("gcPauseSeconds")));
      long outOfMemory = node.outOfMemoryErrors();
      memory.put("outOfMemoryErrors", (double) outOfMemory);
      report.row("Application JVM (" + ClaimdeskNode.HEAP + ")", "OutOfMemoryError in its log", Long.toString(outOfMemory));
      report.target("all of it with the heap capped at 512 MB", "no OOM", outOfMemory + " OutOfMemoryError",
          outOfMemory == 0, "the application ran out of heap");
    }
    run.put("seconds", Duration.between(began, Instant.now()).toSeconds());
    report.write(settings.output());
    System.out.println();
    System.out.print(report.table());
    System.out.println("\nFigures with every round: " + settings.output().toAbsolutePath() + " ("
        + run.get("seconds") + " s)");
  }

  /** The rows of one intake run: accepted claims' percentiles, counts, what the node filed and its CPU. */
  private static void reportIntake(Report report, IntakeScenario.Result intake) {
    long seconds = intake.rounds().size() * intake.roundLength().toSeconds();
    String scenario = Report.f("Intake: %.0f claims/s offered", intake.rate());
    report.row(scenario, Report.f("p95 ms per %ds round (accepted)", intake.roundLength().toSeconds()),
        intake.p95().format("%.1f"));
    report.row(scenario, Report.f("p50 / p95 / p99 / max ms, all %ds", seconds), Report.f("%.1f / %.1f / %.1f / %.1f",
        intake.p50(), intake.p95Overall(), intake.p99(), intake.max()));
    report.row(scenario, "accepted / shed (503) / errors", Report.f("%d / %d / %d of %d", intake.accepted(),
        intake.shed(), intake.errors(), intake.offered()) + (intake.firstErrors().isEmpty() ? ""
            : " (first: " + intake.firstErrors().get(0) + ")"));
    report.row(scenario, "503 answered in, p95 ms", Report.f("%.1f", intake.shedP95()));
    report.row(scenario, "filed by the node (in time or not), per s", Report.f("%d, %.1f", intake.filedByNode(),
        intake.filedByNodePerSecond()));
    report.row(scenario, "node CPU per filed claim, ms", Report.f("%.1f", intake.cpuMsPerFiledClaim()));
    report.row(scenario, "accepted claims lost", Long.toString(intake.lost()));
  }

  private static void progress(String scenario) {
    System.out.println(Instant.now() + " " + scenario);
  }
}
