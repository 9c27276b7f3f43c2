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
    Report report = new Report();
    report.target("Tasklist p95", "<= 150 ms", "58.0 ms", true, "");
    report.target("timer burst", ">= 250 jobs/s", "209 jobs/s", false, "short by 16%");
    report.target("intake p95", "<= 50 ms", "12.0 ms", false, Report.QUICK_MODE);

    assertThat(report.table().lines().filter(line -> line.contains("Tasklist p95"))).singleElement()
        .satisfies(line -> assertThat(line).endsWith("MET"));
    assertThat(report.table()).contains("MISSED: short by 16%").contains("not judged: quick mode")
        .doesNotContain("MISSED: quick mode");

    Path file = directory.resolve("benchmark.json");
    report.write(file);
    JsonNode targets = new ObjectMapper().readTree(Files.readString(file)).path("targets");
    assertThat(targets.findValuesAsText("verdict")).containsExactly("MET", "MISSED: short by 16%",
        "not judged: quick mode");
    assertThat(targets.findValues("judged")).extracting(JsonNode::asBoolean).containsExactly(true, true, false);
  }
}
