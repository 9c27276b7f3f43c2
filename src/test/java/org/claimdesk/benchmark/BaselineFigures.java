package org.claimdesk.benchmark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the bare engine did, as read back from its JVM's {@code BENCHMARK-RESULT} line: cases per
 * second over the measured rounds, the medians of transactions and rows written per case (the
 * sizes {@link JdbcCeiling} copies), the engine settings it ran with, and every round.
 */
record BaselineFigures(Spread casesPerSecond, double transactionsPerCase, double rowsWrittenPerCase,
    Map<String, Object> settings, List<Round> rounds) {

  static final String RESULT_PREFIX = "BENCHMARK-RESULT ";

  /**
   * One round: its cases, the seconds from its start until its last case ended, the database's
   * work, and the job executor's acquisition attempts and failed jobs (from the engine's own meters),
   * which explain much of the transactions beyond the driver's three calls and the job per case.
   */
  record Round(int cases, double seconds, double casesPerSecond, long transactions, long rowsWritten,
      long jobAcquisitionAttempts, long jobsFailed) {

    static Round of(int cases, double seconds, PgStatistics work, long jobAcquisitionAttempts, long jobsFailed) {
      return new Round(cases, seconds, cases / seconds, work.transactions(), work.rowsWritten(),
          jobAcquisitionAttempts, jobsFailed);
    }

    double transactionsPerCase() {
      return (double) transactions / cases;
    }

    double rowsWrittenPerCase() {
      return (double) rowsWritten / cases;
    }
  }

  /** The figures in a line of the baseline JVM's output, if it is the result line. */
  static Optional<BaselineFigures> parse(String line, ObjectMapper json) throws JsonProcessingException {
    if (!line.startsWith(RESULT_PREFIX)) {
      return Optional.empty();
    }
    JsonNode result = json.readTree(line.substring(RESULT_PREFIX.length()));
    List<Round> rounds = json.convertValue(result.required("rounds"), new TypeReference<List<Round>>() { });
    Map<String, Object> settings = json.convertValue(result.required("settings"), new TypeReference<Map<String, Object>>() { });
    return Optional.of(of(settings, rounds));
  }

  /** The medians over {@code rounds} (the warm-up is not among them). */
  static BaselineFigures of(Map<String, Object> settings, List<Round> rounds) {
    return new BaselineFigures(Spread.of(rounds.stream().map(Round::casesPerSecond).toList()),
        Spread.of(rounds.stream().map(Round::transactionsPerCase).toList()).median(),
        Spread.of(rounds.stream().map(Round::rowsWrittenPerCase).toList()).median(),
        Collections.unmodifiableMap(new LinkedHashMap<>(settings)), List.copyOf(rounds));
  }
}
