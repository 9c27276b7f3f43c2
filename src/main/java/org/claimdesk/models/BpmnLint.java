package org.claimdesk.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * bpmnlint, with the rules of the project's {@code .bpmnlintrc} (bpmnlint:recommended and the
 * Camunda 7.24 compatibility rules), run inside the application for the deploy gate (issue #23).
 *
 * <p>The build bundles bpmnlint into one script ({@code tools/bpmnlint-bundle.mjs}, on the class
 * path as {@value #BUNDLE}); each lint evaluates it in a fresh GraalJS context that can reach nothing
 * outside itself: no host classes or objects, no files, no network, no threads, no processes, no
 * other language. The diagram goes in as a string and the reports come out as a JSON string. Without
 * the bundle (a build that did not run {@code npm ci}) every diagram is refused, never waved through.
 */
public final class BpmnLint {

  /** The bundle on the class path, written by the build. */
  public static final String BUNDLE = "bpmnlint/claimdesk-bpmnlint.js";
  static final String RULE_PREFIX = "bpmnlint/";

  /** One report of an error-level rule: bpmnlint's rule name, the element, its message. */
  public record Report(String rule, String elementId, String message) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Source source;
  private final Engine engine;

  private BpmnLint(Source source) {
    this.source = source;
    this.engine = source == null ? null
        : Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
  }

  /** bpmnlint from the class path bundle; a missing bundle gives a linter that refuses every diagram. */
  public static BpmnLint fromClassPath() {
    try (InputStream in = BpmnLint.class.getClassLoader().getResourceAsStream(BUNDLE)) {
      if (in == null) {
        return new BpmnLint(null);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new BpmnLint(Source.newBuilder("js", text, "claimdesk-bpmnlint.js").cached(true).buildLiteral());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The error-level reports for one diagram; warnings, as in the build, do not refuse it. */
  public List<Report> lint(String bpmnXml) {
    if (source == null) {
      return List.of(new Report("bundle-missing", "", "bpmnlint is not bundled in this build ("
          + BUNDLE + "): run the Maven build, which bundles it after npm ci"));
    }
    AtomicReference<String> result = new AtomicReference<>();
    AtomicReference<String> failure = new AtomicReference<>();
    try (Context context = Context.newBuilder("js").engine(engine)
        .allowHostAccess(HostAccess.NONE).allowHostClassLookup(name -> false)
        .allowIO(IOAccess.NONE).allowCreateThread(false).allowCreateProcess(false)
        .allowNativeAccess(false).allowPolyglotAccess(PolyglotAccess.NONE).build()) {
      context.eval(source);
      Value promise = context.getBindings("js").getMember("claimdeskBpmnlint").execute(bpmnXml);
      promise.invokeMember("then",
          (ProxyExecutable) args -> {
            result.set(args[0].asString());
            return null;
          },
          (ProxyExecutable) args -> {
            failure.set(String.valueOf(args[0]));
            return null;
          });
    }
    if (result.get() == null) {
      return List.of(new Report("lint-failed", "", "bpmnlint could not lint the diagram: "
          + (failure.get() == null ? "no result" : failure.get())));
    }
    return reports(result.get());
  }

  private static List<Report> reports(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node.has("parseError")) {
        return List.of(new Report("parse", "", "not a BPMN diagram: " + node.get("parseError").asText()));
      }
      List<Report> reports = new ArrayList<>();
      for (JsonNode report : node) {
        if ("error".equals(report.path("category").asText())) {
          reports.add(new Report(report.path("rule").asText(), report.path("id").asText(),
              report.path("message").asText()));
        }
      }
      return List.copyOf(reports);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
