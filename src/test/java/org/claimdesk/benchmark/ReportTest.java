package org.claimdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the benchmark states its verdicts: met, missed by how much, or not judged in a quick run. */
class ReportTest {

  @Test
  void eachTargetIsMetMissedByHowMuchOrNotJudgedInAQuickRun(@TempDir Path directory) throws Exception {
    Report full = new Report(false);
    full.target("Tasklist p95", "<= 150 ms", "58.0 ms", true, "over by 0%");
    full.target("timer burst", ">= 250 jobs/s", "209 jobs/s", false, "short by 16%");
    Report quick = new Report(true);
    quick.target("intake p95", "<= 50 ms", "12.0 ms", true, "p95 0x the limit");

    assertThat(full.table().lines().filter(line -> line.contains("Tasklist p95"))).singleElement()
        .satisfies(line -> assertThat(line).endsWith("MET"));
    assertThat(full.table()).contains("MISSED: short by 16%");
    assertThat(quick.table()).contains("not judged: quick mode").doesNotContain("MISSED").doesNotContain("MET");

    JsonNode fullTargets = targets(full, directory.resolve("full.json"));
    assertThat(fullTargets.findValuesAsText("verdict")).containsExactly("MET", "MISSED: short by 16%");
    assertThat(fullTargets.findValues("judged")).extracting(JsonNode::asBoolean).containsExactly(true, true);
    JsonNode quickTargets = targets(quick, directory.resolve("quick.json"));
    assertThat(quickTargets.findValuesAsText("verdict")).containsExactly("not judged: quick mode");
    assertThat(quickTargets.findValues("judged")).extracting(JsonNode::asBoolean).containsExactly(false);
    assertThat(quickTargets.findValues("met")).as("a quick run meets no target").extracting(JsonNode::asBoolean)
        .containsExactly(false);
  }

  private static JsonNode targets(Report report, Path file) throws Exception {
    report.write(file);
    return new ObjectMapper().readTree(Files.readString(file)).path("targets");
  }
}
