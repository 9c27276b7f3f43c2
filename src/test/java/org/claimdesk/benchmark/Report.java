package org.claimdesk.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark's output: a table on standard output (scenario, figure, median with the lowest and
 * highest round in brackets) followed by the targets, each met or missed by how much; and the same
 * figures, with every round, in a JSON file.
 */
final class Report {

  /**
   * A target: what is required, what was measured, whether it holds and, when it does not, by how
   * much. A quick run's targets are not judged: its sizes are smaller than the targets'.
   */
  record Target(String name, String required, String measured, boolean judged, boolean met, String note) {

    @JsonProperty
    String verdict() {
      if (!judged) {
        return "not judged: " + QUICK_MODE;
      }
      return (met ? "MET" : "MISSED") + (note.isEmpty() ? "" : ": " + note);
    }
  }

  private static final String QUICK_MODE = "quick mode";

  private final boolean quick;
  private final Map<String, Object> json = new LinkedHashMap<>();
  private final List<String[]> rows = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();

  /** The output of a run, a quick one ({@code -Dbenchmark.quick=true}) or a full one. */
  Report(boolean quick) {
    this.quick = quick;
  }

  void put(String key, Object value) {
    json.put(key, value);
  }

  void row(String scenario, String figure, String value) {
    rows.add(new String[] {scenario, figure, value});
  }

  /** A target of this run; {@code missedBy} says how far a missed one is from it. */
  void target(String name, String required, String measured, boolean met, String missedBy) {
    targets.add(new Target(name, required, measured, !quick, met && !quick, quick ? QUICK_MODE : met ? "" : missedBy));
  }

  static String f(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }

  String table() {
    StringBuilder out = new StringBuilder();
    String line = "%-34s %-40s %s%n";
    out.append(f(line, "Scenario", "Figure", "Median (lowest-highest round)"));
    out.append("-".repeat(110)).append('\n');
    String previous = null;
    for (String[] row : rows) {
      out.append(f(line, row[0].equals(previous) ? "" : row[0], row[1], row[2]));
      previous = row[0];
    }
    if (!targets.isEmpty()) {
      out.append('\n').append(f("%-46s %-14s %-26s %s%n", "Target", "Required", "Measured", "Verdict"));
      out.append("-".repeat(110)).append('\n');
      for (Target target : targets) {
        out.append(f("%-46s %-14s %-26s %s%n", target.name(), target.required(), target.measured(), target.verdict()));
      }
    }
    return out.toString();
  }

  void write(Path file) throws IOException {
    json.put("targets", targets);
    Files.createDirectories(file.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).findAndRegisterModules().writeValue(file.toFile(), json);
  }
}
