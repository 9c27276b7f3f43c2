package org.claimdesk.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of a scenario's rounds and their spread (lowest and highest round). */
record Spread(double median, double min, double max, List<Double> rounds) {

  static Spread of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("No rounds");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Spread(median, sorted.get(0), sorted.get(n - 1), List.copyOf(values));
  }

  /** "123.4 (118.0-130.2)": the median and, in brackets, the lowest and highest round. */
  String format(String pattern) {
    if (rounds.size() == 1) {
      return String.format(java.util.Locale.ROOT, pattern, median);
    }
    return String.format(java.util.Locale.ROOT, pattern + " (" + pattern + "-" + pattern + ")", median, min, max);
  }
}
