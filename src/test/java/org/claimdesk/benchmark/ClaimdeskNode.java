package org.claimdesk.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.claimdesk.testsupport.CamundaWebapps;
import org.claimdesk.testsupport.NodeProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The application under test: Claimdesk as production runs it (the {@code postgres} profile, its
 * job executor on, authorization on), in a JVM of its own with the heap capped at 512 MB and the
 * normal JIT, paying through the sandbox processor so that the benchmark measures Claimdesk and
 * not a remote processor. Its output goes to {@code target/nodes/benchmark.log}.
 *
 * <p>Staff accounts are made through {@code /engine-rest} as the administrator, with passwords
 * generated for this run: an agent in {@code support}, one in {@code finance}, and the shop's
 * account in {@code merchant-systems}.
 */
final class ClaimdeskNode implements AutoCloseable {

  static final String AGENT = "benchagent";
  static final String FINANCE = "benchfinance";
  static final String SHOP = "benchshop";
  static final String HEAP = "-Xmx512m";

  private static final String ADMIN = "benchadmin";
  static final ObjectMapper JSON = new ObjectMapper();

  private final NodeProcess process;
  private final int port;
  private final String password;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private final String adminPassword;
  private final ThreadLocal<CamundaWebapps.Session> tasklistSessions = new ThreadLocal<>();
  private final AtomicInteger shedClaims = new AtomicInteger();

  private ClaimdeskNode(NodeProcess process, int port, String adminPassword, String password) {
    this.process = process;
    this.port = port;
    this.adminPassword = adminPassword;
    this.password = password;
  }

  static ClaimdeskNode start(BenchmarkDatabase database, List<String> settings) throws Exception {
    ClaimdeskNode node = start("benchmark", database, settings, "bench-" + UUID.randomUUID(), "bench-" + UUID.randomUUID());
    node.createStaff();
    return node;
  }

  /**
   * Another node on the same database as {@code first}, as a second machine of one installation:
   * its own JVM and job executor, the same accounts. Its log is {@code target/nodes/benchmark-2.log}.
   */
  static ClaimdeskNode startAnother(BenchmarkDatabase database, List<String> settings, ClaimdeskNode first)
      throws Exception {
    return start("benchmark-2", database, settings, first.adminPassword, first.password);
  }

  private static ClaimdeskNode start(String name, BenchmarkDatabase database, List<String> settings,
      String adminPassword, String password) throws Exception {
    List<String> arguments = new ArrayList<>(List.of(
        "--spring.profiles.active=postgres",
        "--server.port=0",
        "--CLAIMDESK_DB_URL=" + database.url(),
        "--CLAIMDESK_DB_USER=" + database.user(),
        "--CLAIMDESK_DB_PASSWORD=" + database.password(),
        "--CLAIMDESK_ADMIN_USER=" + ADMIN,
        "--CLAIMDESK_ADMIN_PASSWORD=" + adminPassword,
        "--CLAIMDESK_CASE_TOKEN_SECRET=benchmark-case-token-secret-" + adminPassword,
        "--CLAIMDESK_PAYMENT_PROCESSOR=sandbox",
        // One load generator files and acts for thousands of customers: the per-client limits
        // (claims, and requests on cases) would refuse it.
        "--claimdesk.web.filing-limit.enabled=false",
        "--claimdesk.web.case-limit.enabled=false"));
    arguments.addAll(settings);
    // For trying settings: -Dbenchmark.node.args="--camunda.bpm.job-execution.max-pool-size=6 ..."
    String extraArguments = System.getProperty("benchmark.node.args", "");
    if (!extraArguments.isBlank()) {
      arguments.addAll(List.of(extraArguments.trim().split("\\s+")));
    }
    List<String> jvmOptions = new ArrayList<>(List.of(HEAP));
    // For looking inside a run: -Dbenchmark.node.jvm-options="-XX:StartFlightRecording=filename=target/node.jfr"
    String extra = System.getProperty("benchmark.node.jvm-options", "");
    if (!extra.isBlank()) {
      jvmOptions.addAll(List.of(extra.trim().split("\\s+")));
    }
    NodeProcess process = NodeProcess.start(name, NodeProcess.applicationClassPath(), jvmOptions, arguments);
    int port = process.awaitStarted(Duration.ofMinutes(3));
    return new ClaimdeskNode(process, port, adminPassword, password);
  }

  /** The CPU time the node has used so far. */
  Duration cpuTime() {
    return process.cpuTime();
  }

  int port() {
    return port;
  }

  HttpClient http() {
    return http;
  }

  /** A request to the node, as {@code user} (HTTP Basic) unless null. */
  HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60));
    if (user != null) {
      request.header("Authorization", basic(user, password));
    }
    return request;
  }

  static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Sends a JSON body and answers the JSON reply, failing unless the status is {@code expected}. */
  JsonNode send(String method, String path, String user, Object body, int expected) throws IOException, InterruptedException {
    return send(method, path, user, body, expected, Map.of());
  }

  /** An anonymous JSON request with these headers, whatever its answer. */
  HttpResponse<String> sendRaw(String method, String path, Object body, Map<String, String> headers)
      throws IOException, InterruptedException {
    return exchange(method, path, null, body, headers);
  }

  /** A JSON request as {@code user} (HTTP Basic) unless null, with these headers, whatever its answer. */
  private HttpResponse<String> exchange(String method, String path, String user, Object body,
      Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder builder = request(path, user).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : json(body));
    headers.forEach(builder::header);
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A claim of a path was answered 503 and sent again after its Retry-After. */
  void countShedClaim() {
    shedClaims.incrementAndGet();
  }

  /** How many claims of the paths were answered 503 and sent again, so far. */
  int shedClaims() {
    return shedClaims.get();
  }

  /** {@link #send(String, String, String, Object, int)} with these headers too. */
  JsonNode send(String method, String path, String user, Object body, int expected, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpResponse<String> response = exchange(method, path, user, body, headers);
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return jsonOf(response);
  }

  /**
   * This client thread's Tasklist session as the support agent, logged in at its first use as an
   * agent logs in once in the morning.
   */
  CamundaWebapps.Session tasklistSession() throws IOException, InterruptedException {
    CamundaWebapps.Session session = tasklistSessions.get();
    if (session == null) {
      session = CamundaWebapps.login(port, "tasklist", AGENT, password);
      if (session.loginStatus() != 200) {
        throw new IllegalStateException("Tasklist login of " + AGENT + " answered " + session.loginStatus());
      }
      tasklistSessions.set(session);
    }
    return session;
  }

  /** The JSON of a webapp answer, failing unless its status is {@code expected}. */
  static JsonNode expectJson(HttpResponse<String> response, int expected) throws IOException {
    expect(response, expected);
    return jsonOf(response);
  }

  private static JsonNode jsonOf(HttpResponse<String> response) throws IOException {
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  static JsonNode parse(String body) throws IOException {
    return JSON.readTree(body);
  }

  /**
   * The node's memory and garbage collection so far, from its Prometheus metrics (as the
   * administrator): heap used and committed now, live data after the last collection of the old
   * generation, and the count and total time of GC pauses.
   */
  Map<String, Double> memory() throws IOException, InterruptedException {
    HttpRequest request = request("/actuator/prometheus", null)
        .header("Authorization", basic(ADMIN, adminPassword)).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    expect(response, 200);
    Map<String, Double> figures = new java.util.LinkedHashMap<>();
    String heap = "area=\"heap\"";
    figures.put("heapUsedMb", sum(response.body(), "jvm_memory_used_bytes", heap) / MB);
    figures.put("heapCommittedMb", sum(response.body(), "jvm_memory_committed_bytes", heap) / MB);
    figures.put("liveDataAfterLastOldGcMb", sum(response.body(), "jvm_gc_live_data_size_bytes", "") / MB);
    figures.put("gcPauses", sum(response.body(), "jvm_gc_pause_seconds_count", ""));
    figures.put("gcPauseSeconds", sum(response.body(), "jvm_gc_pause_seconds_sum", ""));
    return figures;
  }

  private static final double MB = 1024 * 1024;

  /** How many times the node's log says it ran out of memory (an OutOfMemoryError anywhere). */
  long outOfMemoryErrors() throws IOException {
    try (var lines = java.nio.file.Files.lines(process.log())) {
      return lines.filter(line -> line.contains("OutOfMemoryError")).count();
    }
  }

  /** The sum of a Prometheus metric's samples whose labels contain {@code label} (every sample for ""). */
  static double sum(String metrics, String name, String label) {
    return metrics.lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> line.contains(label))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }

  private void createStaff() throws IOException, InterruptedException {
    for (Map.Entry<String, String> member : Map.of(AGENT, "support", FINANCE, "finance", SHOP, "merchant-systems")
        .entrySet()) {
      String user = member.getKey();
      HttpRequest create = request("/engine-rest/user/create", null)
          .header("Authorization", basic(ADMIN, adminPassword)).header("Content-Type", "application/json")
          .POST(json(Map.of("profile", Map.of("id", user, "firstName", "Bench", "lastName", user,
              "email", user + "@claimdesk.example"), "credentials", Map.of("password", password)))).build();
      expect(http.send(create, HttpResponse.BodyHandlers.ofString()), 204);
      HttpRequest join = request("/engine-rest/group/" + member.getValue() + "/members/" + user, null)
          .header("Authorization", basic(ADMIN, adminPassword)).PUT(HttpRequest.BodyPublishers.noBody()).build();
      expect(http.send(join, HttpResponse.BodyHandlers.ofString()), 204);
    }
  }

  private static void expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().uri().getPath() + " answered " + response.statusCode()
          + ": " + response.body());
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
