package org.claimdesk.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.claimdesk.ClaimdeskApplication;

/**
 * One Claimdesk node in a JVM of its own, as in production: started from the test class path (or
 * {@link #applicationClassPath()}) with the given arguments, its output kept in {@code target/nodes/<name>.log}. {@link #awaitStarted}
 * returns the HTTP port once the application says it started, or fails if it exits first.
 */
public final class NodeProcess implements AutoCloseable {

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");

  private final String name;
  private final Process process;
  private final CompletableFuture<Integer> started = new CompletableFuture<>();
  private final Path log;

  private NodeProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  public static NodeProcess start(String name, List<String> applicationArguments) throws IOException {
    // Quick to start (C1 only): the tests' nodes live for seconds to minutes.
    return start(name, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), applicationArguments);
  }

  /** A node started with these JVM options (heap, JIT) before the application's arguments. */
  public static NodeProcess start(String name, List<String> jvmOptions, List<String> applicationArguments)
      throws IOException {
    return start(name, System.getProperty("java.class.path"), jvmOptions, applicationArguments);
  }

  /**
   * The test class path without the tests' own classes and resources: what the application's jar
   * holds. The tests' nodes keep them (some deploy test models from there); a node measured as
   * production runs does not, since their {@code camunda.cfg.xml} would have Camunda build a
   * second, in-memory engine in the node at the first REST request.
   */
  public static String applicationClassPath() {
    Path testClasses = Path.of("target", "test-classes").toAbsolutePath().normalize();
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().equals(testClasses))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** A node on the given class path, with these JVM options before the application's arguments. */
  public static NodeProcess start(String name, String classPath, List<String> jvmOptions,
      List<String> applicationArguments) throws IOException {
    Path logDirectory = Path.of("target", "nodes");
    Files.createDirectories(logDirectory);
    Path log = logDirectory.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, ClaimdeskApplication.class.getName()));
    command.addAll(applicationArguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // A node never outlives the JVM that started it (a test run or benchmark stopped with Ctrl-C).
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "node-stop-" + name));
    NodeProcess node = new NodeProcess(name, process, log);
    Thread reader = new Thread(node::pumpOutput, "node-output-" + name);
    reader.setDaemon(true);
    reader.start();
    return node;
  }

  private void pumpOutput() {
    Integer port = null;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        Matcher matcher = PORT.matcher(line);
        if (matcher.find()) {
          port = Integer.valueOf(matcher.group(1));
        }
        if (port != null && line.contains("Started " + ClaimdeskApplication.class.getSimpleName())) {
          started.complete(port);
        }
      }
    } catch (IOException e) {
      started.completeExceptionally(e);
    }
    started.completeExceptionally(new IllegalStateException("Node " + name + " exited before it started; see " + log));
  }

  /** The file the node's output goes to. */
  public Path log() {
    return log;
  }

  /** The CPU time the node's JVM has used so far, all its threads (as the operating system counts it). */
  public Duration cpuTime() {
    return process.info().totalCpuDuration()
        .orElseThrow(() -> new IllegalStateException("The operating system gives no CPU time of node " + name));
  }

  /** The node's HTTP port, once it has started. */
  public int awaitStarted(Duration timeout) throws Exception {
    try {
      return started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Node " + name + " did not start within " + timeout + "; see " + log, e);
    }
  }

  /** Kills the node at once (SIGKILL), as a crash or a pulled plug would: nothing shuts down. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
