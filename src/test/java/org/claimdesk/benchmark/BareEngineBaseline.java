package org.claimdesk.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first baseline: what a bare Camunda 7.24 engine, left at its own defaults, does with a case
 * of the refund request's shape on the benchmark's database. Claimdesk's figures mean little alone;
 * beside this one they say what Claimdesk's features cost over the engine it is built on.
 *
 * <p>It runs as a main class in a JVM of its own ({@link #runInOwnJvm}), so neither JIT state nor
 * heap nor threads carry over from whatever ran before. The engine is built from
 * {@code createStandaloneProcessEngineConfiguration()} with only the JDBC settings, the schema
 * update and the job executor switched on; everything else is the engine's default and the result
 * reports what those defaults were. {@code clients} threads each start a case with a claim's
 * variables (the real {@code refundEligibility} decision is evaluated), query its task and complete
 * it; the engine's own job executor runs the async step. A case counts once its end is committed:
 * the end event's listener counts down a latch when that transaction commits, so a round lasts
 * from its first start until its last case ended.
 *
 * <p>Arguments, {@code key=value}: {@code db.url}, {@code db.user}, {@code db.password},
 * {@code warmup} (cases), {@code rounds}, {@code cases} (per round), {@code clients}. The result is
 * one line on standard output, {@value BaselineFigures#RESULT_PREFIX} and a JSON object.
 */
public final class BareEngineBaseline {

  static final String PROCESS_KEY = "bare-refund-shape";
  static final String BPMN_RESOURCE = "benchmark/bare-refund-shape.bpmn";
  static final String DMN_RESOURCE = "processes/refund-eligibility.dmn";
  static final String LOGGING_CONFIGURATION = "benchmark/benchmark-logback.xml";

  private static final Duration ROUND_LIMIT = Duration.ofMinutes(10);
  private static final Duration STATISTICS_IDLE_INTERVAL = Duration.ofSeconds(11);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong CASE_NUMBERS = new AtomicLong();

  private final BenchmarkDatabase database;
  private final int warmup;
  private final int rounds;
  private final int casesPerRound;
  private final int clients;
  private final CaseEnds caseEnds = new CaseEnds();
  private final List<String> deviations = new ArrayList<>();
  private final RecordOutcomeDelegate recordOutcome = new RecordOutcomeDelegate();
  // Not static: main sets the logging configuration before the first logger is made.
  private final Logger log = LoggerFactory.getLogger(BareEngineBaseline.class);

  private BareEngineBaseline(BenchmarkDatabase database, int warmup, int rounds, int casesPerRound, int clients) {
    this.database = database;
    this.warmup = warmup;
    this.rounds = rounds;
    this.casesPerRound = casesPerRound;
    this.clients = clients;
  }

  public static void main(String[] args) throws Exception {
    // Without a configuration logback logs the engine at DEBUG, which would cost more than the cases.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
    }
    Map<String, String> arguments = arguments(args);
    BenchmarkDatabase database = new BenchmarkDatabase(arguments.getOrDefault("db.url", BenchmarkDatabase.DEFAULT_URL),
        arguments.getOrDefault("db.user", "postgres"), arguments.getOrDefault("db.password", ""));
    BareEngineBaseline baseline = new BareEngineBaseline(database,
        Integer.parseInt(arguments.getOrDefault("warmup", "200")),
        Integer.parseInt(arguments.getOrDefault("rounds", "5")),
        Integer.parseInt(arguments.getOrDefault("cases", "1000")),
        Integer.parseInt(arguments.getOrDefault("clients", "8")));
    String result = baseline.run();
    // The one line the launcher reads; the contract with runInOwnJvm, so not a log line.
    System.out.println(BaselineFigures.RESULT_PREFIX + result);
    System.exit(0);
  }

  /**
   * Runs the baseline in a JVM of its own from the current class path (on an emptied database),
   * keeping its output in {@code target/benchmark/bare-engine.log}, and returns its figures.
   */
  static BaselineFigures runInOwnJvm(BenchmarkDatabase database, int warmup, int rounds, int cases, int clients)
      throws Exception {
    database.reset();
    Path log = Path.of("target", "benchmark", "bare-engine.log");
    Files.createDirectories(log.getParent());
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-Dlogback.configurationFile=" + LOGGING_CONFIGURATION,
        "-cp", System.getProperty("java.class.path"),
        BareEngineBaseline.class.getName(),
        "db.url=" + database.url(), "db.user=" + database.user(), "db.password=" + database.password(),
        "warmup=" + warmup, "rounds=" + rounds, "cases=" + cases, "clients=" + clients);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BaselineFigures figures = null;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        figures = BaselineFigures.parse(line, JSON).orElse(figures);
      }
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    int exitCode = process.waitFor();
    if (exitCode != 0 || figures == null) {
      throw new IllegalStateException("The bare engine baseline exited with code " + exitCode
          + (figures == null ? " and no " + BaselineFigures.RESULT_PREFIX.trim() + " line" : "") + "; see " + log);
    }
    return figures;
  }

  private String run() throws Exception {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
            .setJdbcUrl(database.url())
            .setJdbcUsername(database.user())
            .setJdbcPassword(database.password())
            .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
            .setJobExecutorActivate(true);
    // Beans for the diagram's delegate expressions: names, not settings, so the defaults stay.
    configuration.setBeans(Map.of("recordOutcomeDelegate", recordOutcome, "caseEndedListener", caseEnds));
    // The one setting changed, because the default does not survive this load: MyBatis's pool has
    // 10 connections, while the clients, the job executor's threads (up to its max pool size, 10)
    // and its acquisition thread may each hold one, and DbIdGenerator fetches a new block of ids
    // with a second connection while it holds the lock every thread needing an id waits for. With
    // the pool exhausted that deadlocks until MyBatis takes a connection back from its thread after
    // 20 s, failing that thread's command ("Connection is invalid"). So the pool gets one
    // connection per possible holder, plus the id block's.
    int defaultPoolSize = new PooledDataSource().getPoolMaximumActiveConnections();
    int connectionsNeeded = clients + new DefaultJobExecutor().getMaxPoolSize() + 2;
    configuration.setJdbcMaxActiveConnections(connectionsNeeded);
    deviations.add("jdbcMaxActiveConnections " + defaultPoolSize + " -> " + connectionsNeeded
        + " (at the default the pool deadlocks on DbIdGenerator's id block with " + clients + " clients and the job executor)");
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().name("bare-engine-baseline")
          .addClasspathResource(BPMN_RESOURCE)
          .addClasspathResource(DMN_RESOURCE)
          .deploy();
      Map<String, Object> settings = settings(configuration);
      log.info("Bare engine on {}: {}", settings.get("server"), settings);

      BaselineFigures.Round warmupRound = round(engine, warmup);
      log.info("Warm-up: {}", warmupRound);
      List<BaselineFigures.Round> measured = new ArrayList<>();
      for (int i = 1; i <= rounds; i++) {
        BaselineFigures.Round round = round(engine, casesPerRound);
        log.info("Round {}: {}", i, round);
        measured.add(round);
      }
      long jobsFailed = measured.stream().mapToLong(BaselineFigures.Round::jobsFailed).sum();
      if (jobsFailed > 0) {
        log.warn("{} jobs failed in the measured rounds (and were retried); see the exceptions above", jobsFailed);
      }
      if (recordOutcome.unexpectedVerdicts.get() > 0) {
        throw new IllegalStateException(recordOutcome.unexpectedVerdicts.get()
            + " cases did not reach the review the benchmark means to measure; check the claim's variables");
      }
      BaselineFigures figures = BaselineFigures.of(settings, measured);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("baseline", "bare-engine");
      result.put("settings", settings);
      result.put("warmup", warmupRound);
      result.put("rounds", measured);
      Map<String, Object> median = new LinkedHashMap<>();
      median.put("casesPerSecond", figures.casesPerSecond().median());
      median.put("transactionsPerCase", figures.transactionsPerCase());
      median.put("rowsWrittenPerCase", figures.rowsWrittenPerCase());
      result.put("median", median);
      result.put("casesPerSecondMin", figures.casesPerSecond().min());
      result.put("casesPerSecondMax", figures.casesPerSecond().max());
      return JSON.writeValueAsString(result);
    } finally {
      engine.close();
    }
  }

  /** One round of {@code cases} cases from settled statistics to settled statistics. */
  private BaselineFigures.Round round(ProcessEngine engine, int cases) throws Exception {
    PgStatistics before = PgStatistics.settled(database, Duration.ZERO);
    long acquisitionsBefore = meter(engine, Metrics.JOB_ACQUISITION_ATTEMPT);
    long failuresBefore = meter(engine, Metrics.JOB_FAILED);
    CountDownLatch ended = caseEnds.expect(cases);
    AtomicInteger toStart = new AtomicInteger(cases);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        running.add(pool.submit(() -> {
          while (toStart.getAndDecrement() > 0) {
            runCase(engine);
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
      if (!ended.await(ROUND_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(ended.getCount() + " of " + cases + " cases had not ended after " + ROUND_LIMIT);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("A client failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // The pool's idle connections may hold their last counts for up to PostgreSQL's idle interval
    // (10 s) before reporting them; a settled reading taken sooner could miss them, so wait it out.
    PgStatistics work = PgStatistics.settled(database, STATISTICS_IDLE_INTERVAL).minus(before);
    return BaselineFigures.Round.of(cases, seconds, work,
        meter(engine, Metrics.JOB_ACQUISITION_ATTEMPT) - acquisitionsBefore, meter(engine, Metrics.JOB_FAILED) - failuresBefore);
  }

  /**
   * The engine's in-memory count for a metric since its last report to the database (every
   * 15 minutes by default, longer than a round, so a round's difference is its own count).
   */
  private static long meter(ProcessEngine engine, String name) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getMetricsRegistry().getDbMeterByName(name).get();
  }

  /** What a support agent and the customer page would do for one case, without the application. */
  private static void runCase(ProcessEngine engine) {
    long number = CASE_NUMBERS.incrementAndGet();
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey(PROCESS_KEY, "BENCH-" + number, claim(number));
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    engine.getTaskService().complete(review.getId(), Variables.putValue("reviewDecision", "ACCEPT"));
  }

  /**
   * A refund claim's variables as the refund request carries them: a service issue reported two
   * days after the service, which {@code refundEligibility} sends to review (RF-4), the usual path.
   */
  static VariableMap claim(long number) {
    Instant now = Instant.now();
    return Variables.createVariables()
        .putValue("orderId", "ORD-" + (100000 + number))
        .putValue("customerEmail", "customer" + number + "@example.org")
        .putValue("reason", "SERVICE_ISSUE")
        .putValue("claimDescription", "The session was cut short after twenty minutes and the recording was never sent,"
            + " although the booking confirmed a full hour with a recording.")
        .putValue("orderAmount", 4990L)
        .putValue("currency", "EUR")
        .putValue("orderDate", Date.from(now.minus(5, ChronoUnit.DAYS)))
        .putValue("serviceDate", Date.from(now.minus(2, ChronoUnit.DAYS)))
        .putValue("language", "en")
        .putValue("productType", "SERVICE")
        .putValue("serviceStatus", "RENDERED")
        .putValue("policyProfile", "standard")
        .putValue("daysSinceOrder", 5)
        .putValue("daysSincePurchase", 5)
        .putValue("daysSinceService", 2);
  }

  /** The settings the engine ran with: the defaults this baseline is about, read back from the built engine. */
  private Map<String, Object> settings(ProcessEngineConfigurationImpl configuration) throws Exception {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("camundaVersion", ProcessEngine.class.getPackage().getImplementationVersion());
    settings.put("historyLevel", configuration.getHistoryLevel().getName());
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor instanceof DefaultJobExecutor pooled) {
      settings.put("jobExecutorCorePoolSize", pooled.getCorePoolSize());
      settings.put("jobExecutorMaxPoolSize", pooled.getMaxPoolSize());
      settings.put("jobExecutorQueueSize", pooled.getQueueSize());
    } else {
      settings.put("jobExecutor", jobExecutor.getClass().getName());
    }
    settings.put("maxJobsPerAcquisition", jobExecutor.getMaxJobsPerAcquisition());
    settings.put("waitTimeInMillis", jobExecutor.getWaitTimeInMillis());
    settings.put("maxWaitInMillis", jobExecutor.getMaxWait());
    settings.put("lockTimeInMillis", jobExecutor.getLockTimeInMillis());
    settings.put("jobExecutorDeploymentAware", configuration.isJobExecutorDeploymentAware());
    if (configuration.getDataSource() instanceof PooledDataSource pool) {
      settings.put("poolMaximumActiveConnections", pool.getPoolMaximumActiveConnections());
      settings.put("poolMaximumIdleConnections", pool.getPoolMaximumIdleConnections());
    } else {
      settings.put("dataSource", configuration.getDataSource().getClass().getName());
    }
    settings.put("poolMaximumActiveConnectionsDefault", new PooledDataSource().getPoolMaximumActiveConnections());
    settings.put("jdbcBatchProcessing", configuration.isJdbcBatchProcessing());
    settings.put("idGenerator", configuration.getIdGenerator().getClass().getSimpleName());
    settings.put("idBlockSize", configuration.getIdBlockSize());
    settings.put("databaseType", configuration.getDatabaseType());
    settings.put("deviationsFromDefaults", List.copyOf(deviations));
    settings.put("clients", clients);
    settings.put("warmupCases", warmup);
    settings.put("rounds", rounds);
    settings.put("casesPerRound", casesPerRound);
    settings.put("javaVersion", Runtime.version().toString());
    settings.put("maxHeapMegabytes", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    settings.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    settings.put("server", database.describeServer());
    return settings;
  }

  private static Map<String, String> arguments(String[] args) {
    Map<String, String> arguments = new LinkedHashMap<>();
    for (String argument : args) {
      int equals = argument.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("Expected key=value, got " + argument);
      }
      arguments.put(argument.substring(0, equals), argument.substring(equals + 1));
    }
    return arguments;
  }

  /**
   * The end event's listener: counts a case down once the transaction that ended it has
   * committed, so a round ends when its last case is really over (and a retried job counts once).
   */
  static final class CaseEnds implements ExecutionListener {

    private volatile CountDownLatch current = new CountDownLatch(0);

    CountDownLatch expect(int cases) {
      current = new CountDownLatch(cases);
      return current;
    }

    @Override
    public void notify(DelegateExecution execution) {
      CountDownLatch latch = current;
      Context.getCommandContext().getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, committed -> latch.countDown());
    }
  }

  /** The async step: trivial on purpose, so the job executor's own cost is what it measures. */
  static final class RecordOutcomeDelegate implements JavaDelegate {

    final AtomicLong unexpectedVerdicts = new AtomicLong();

    @Override
    public void execute(DelegateExecution execution) {
      // Reading a variable loads the case's variables, as any real delegate would.
      if (!"REVIEW".equals(execution.getVariable("verdict"))) {
        unexpectedVerdicts.incrementAndGet();
      }
      execution.setVariable("outcomeRecorded", true);
    }
  }
}
