package org.claimdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.claimdesk.benchmark.JdbcCeiling.Operation;
import org.claimdesk.benchmark.JdbcCeiling.Write;

/** The baselines' pure logic: how the JDBC ceiling sizes its cases, and how the bare engine's result line is read. */
class BaselinesTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void fractionalTransactionsAreSpreadSoEveryRunOfCasesAveragesRight() {
    assertThat(LongStream.range(0, 10).map(i -> JdbcCeiling.share(i, 3.3)).sum()).isEqualTo(33);
    assertThat(LongStream.range(0, 1000).map(i -> JdbcCeiling.share(i, 3.3)).sum()).isEqualTo(3300);
    assertThat(LongStream.range(0, 1000).map(i -> JdbcCeiling.share(i, 104.738)).sum()).isEqualTo(104738);
    assertThat(LongStream.range(0, 100).map(i -> JdbcCeiling.share(i, 3.3)).distinct().sorted().toArray())
        .containsExactly(3, 4);
    assertThat(LongStream.range(0, 5).map(i -> JdbcCeiling.share(i, 6)).toArray()).containsOnly(6);
  }

  @Test
  void aCaseWritesItsRowsInItsTransactionsAndOnlyTouchesRowsItInsertedBefore() {
    for (long caseNumber = 0; caseNumber < 50; caseNumber++) {
      List<List<Write>> plan = JdbcCeiling.plan(caseNumber, 5.97, 104.74);

      assertThat(plan).hasSize(JdbcCeiling.share(caseNumber, 5.97)).allSatisfy(t -> assertThat(t).isNotEmpty());
      List<Write> writes = plan.stream().flatMap(List::stream).toList();
      assertThat(writes).hasSize(JdbcCeiling.share(caseNumber, 104.74));
      Set<String> inserted = new HashSet<>();
      Set<String> deleted = new HashSet<>();
      for (Write write : writes) {
        String row = write.table() + "/" + write.row();
        switch (write.operation()) {
          case INSERT -> assertThat(inserted.add(row)).as("inserted once: " + row).isTrue();
          case UPDATE -> {
            assertThat(inserted).as("updated after its insert: " + row).contains(row);
            assertThat(deleted).as("not updated once deleted: " + row).doesNotContain(row);
          }
          case DELETE -> {
            assertThat(inserted).as("deleted after its insert: " + row).contains(row);
            assertThat(deleted.add(row)).isTrue();
          }
        }
      }
    }
  }

  @Test
  void theMixFollowsTheBareEngineHalfInsertsThirtyPercentUpdatesTwentyPercentDeletes() {
    List<Write> writes = JdbcCeiling.plan(0, 6, 100).stream().flatMap(List::stream).toList();

    assertThat(writes.stream().filter(w -> w.operation() == Operation.INSERT)).hasSize(50);
    assertThat(writes.stream().filter(w -> w.operation() == Operation.UPDATE)).hasSize(30);
    assertThat(writes.stream().filter(w -> w.operation() == Operation.DELETE)).hasSize(20);
    // Inserts first, deletes last: the first transaction only inserts, the last only deletes.
    assertThat(writes.subList(0, 17)).allSatisfy(w -> assertThat(w.operation()).isEqualTo(Operation.INSERT));
    assertThat(JdbcCeiling.plan(0, 6, 100).get(5)).allSatisfy(w -> assertThat(w.operation()).isEqualTo(Operation.DELETE));
  }

  @Test
  void aCaseNeverCommitsAnEmptyTransaction() {
    for (long caseNumber = 0; caseNumber < 20; caseNumber++) {
      assertThat(JdbcCeiling.plan(caseNumber, 3.3, 3.4)).allSatisfy(t -> assertThat(t).isNotEmpty());
    }
  }

  @Test
  void theCeilingWarnsWhenPostgresCountedOtherRowsThanWereWritten() {
    JdbcCeiling.Round asWritten = new JdbcCeiling.Round(100, 10, 600, 10_500, 600 + 8 + 3, 10_500);
    JdbcCeiling.Round rowsMissing = new JdbcCeiling.Round(100, 10, 600, 10_500, 611, 10_400);

    assertThat(JdbcCeiling.checkCounts(1, asWritten, 8)).isEmpty();
    assertThat(JdbcCeiling.checkCounts(1, rowsMissing, 8)).hasValueSatisfying(w -> assertThat(w)
        .startsWith("WARNING JDBC ceiling round 1").contains("10400 rows written").contains("10500"));
  }

  @Test
  void theResultLineIsReadBackIntoMediansPerCase() throws Exception {
    List<BaselineFigures.Round> rounds = new ArrayList<>(List.of(
        new BaselineFigures.Round(300, 10, 30, 1800, 31_500, 400, 0),
        new BaselineFigures.Round(300, 12, 25, 1830, 31_200, 410, 0),
        new BaselineFigures.Round(300, 8, 37.5, 1770, 31_800, 390, 1)));
    String line = BaselineFigures.RESULT_PREFIX + json.writeValueAsString(Map.of(
        "baseline", "bare-engine", "settings", Map.of("historyLevel", "audit", "maxJobsPerAcquisition", 3),
        "rounds", rounds, "median", Map.of("casesPerSecond", 30)));

    BaselineFigures figures = BaselineFigures.parse(line, json).orElseThrow();

    assertThat(figures.casesPerSecond().median()).isEqualTo(30);
    assertThat(figures.casesPerSecond().min()).isEqualTo(25);
    assertThat(figures.casesPerSecond().max()).isEqualTo(37.5);
    assertThat(figures.transactionsPerCase()).isEqualTo(6);
    assertThat(figures.rowsWrittenPerCase()).isEqualTo(105);
    assertThat(figures.settings()).containsEntry("historyLevel", "audit").containsEntry("maxJobsPerAcquisition", 3);
    assertThat(figures.rounds()).containsExactlyElementsOf(rounds);
    assertThat(BaselineFigures.parse("14:27:43 INFO Warm-up: Round[cases=100]", json)).isEmpty();
  }
}
