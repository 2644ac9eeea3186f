package io.heartbeat.alert.band;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * 50 % drops of one heartbeat, started every three hours through a week after the judged ones: each trial continues
 * from the band as it stood (restored from a serialized snapshot) and counts windows until the anomaly fires.
 */
final class DemoDrops {

  static final int EVERY_MINUTES = 180;

  /**
   * A 50 % drop of a Poisson count is at least 3 standard deviations of one window only from 36 events per window
   * (rate / 2 >= 3 sqrt(rate)); below that no per-window rule can see it within the trigger window.
   */
  static final double DETECTABLE_RATE = 36;

  final Map<String, List<Integer>> delays = new LinkedHashMap<>();
  final List<Integer> detectable = new ArrayList<>();
  /** Delays by the heartbeat's expected events per window when the drop starts: [0,20), [20,40), [40,80), 80+. */
  static final double[] RATE_BINS = {20, 40, 80};
  final List<List<Integer>> byRate = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
      new ArrayList<>());
  final Map<String, List<Integer>> baselineDelays = new LinkedHashMap<>();
  /** Windows until a full outage (value 0) fires, per heartbeat, from the same starts as the drops. */
  final Map<String, List<Integer>> outageDelays = new LinkedHashMap<>();

  record Summary(int median, int p90, int max, double withinGoal, int trials) {
  }

  /** Runs the trials for one metric after its judged weeks; returns the observations it took. */
  long measure(DemoSeries metric, DemoRun run, int seed) {
    long observations = 0;
    int first = (DemoBenchmark.JUDGED_WEEKS + 1) * DemoBenchmark.WEEK;
    for (int offset = 0; offset < DemoBenchmark.WEEK; offset += EVERY_MINUTES) {
      DemoRun trial = new DemoRun(run, new SplittableRandom(seed * 7919L + offset));
      int band = -1;
      int baseline = -1;
      for (int k = 0; k < DemoBenchmark.DROP_MINUTES && (band < 0 || baseline < 0); k++) {
        DemoRun.Tick tick = trial.tick(first + offset + k, 0.5);
        observations++;
        if (band < 0 && trial.breach().anomalous()) {
          band = k + 1;
        }
        if (baseline < 0 && trial.baselineBreach.anomalous()) {
          baseline = k + 1;
        }
      }
      delays.computeIfAbsent(metric.metric(), m -> new ArrayList<>()).add(band < 0 ? Integer.MAX_VALUE : band);
      Instant start = DemoBenchmark.START.plusSeconds(60L * (first + offset));
      double rate = metric.baseRate() * DemoSeries.seasonality(start);
      if (rate >= DETECTABLE_RATE) {
        detectable.add(band < 0 ? Integer.MAX_VALUE : band);
      }
      int bin = 0;
      while (bin < RATE_BINS.length && rate >= RATE_BINS[bin]) {
        bin++;
      }
      byRate.get(bin).add(band < 0 ? Integer.MAX_VALUE : band);
      baselineDelays.computeIfAbsent(metric.metric(), m -> new ArrayList<>())
          .add(baseline < 0 ? Integer.MAX_VALUE : baseline);
      DemoRun down = new DemoRun(run, new SplittableRandom(seed * 7927L + offset));
      int fired = -1;
      for (int k = 0; k < DemoBenchmark.DROP_MINUTES && fired < 0; k++) {
        down.tick(first + offset + k, 0.0);
        observations++;
        if (down.breach().anomalous()) {
          fired = k + 1;
        }
      }
      outageDelays.computeIfAbsent(metric.metric(), m -> new ArrayList<>())
          .add(fired < 0 ? Integer.MAX_VALUE : fired);
      // The next trial starts three hours later: learn those normal minutes on the untouched run.
      for (int k = 0; k < EVERY_MINUTES; k++) {
        run.tick(first + offset + k, 1.0);
        observations++;
      }
    }
    return observations;
  }

  Summary summary(String metric) {
    return summarize(delays.getOrDefault(metric, List.of()));
  }

  Summary baselineSummary(String metric) {
    return summarize(baselineDelays.getOrDefault(metric, List.of()));
  }

  /** The drops at 40 or more expected events per window (the last two rate bins). */
  Summary summaryAtLeast40() {
    List<Integer> all = new ArrayList<>(byRate.get(2));
    all.addAll(byRate.get(3));
    return summarize(all);
  }

  /** The slowest full outage over every heartbeat and start. */
  int outageMax() {
    return outageDelays.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).max().orElse(-1);
  }

  Summary summaryDetectable() {
    return summarize(detectable);
  }

  Summary summaryAll() {
    return summarize(delays.values().stream().flatMap(List::stream).toList());
  }

  static Summary summarize(List<Integer> values) {
    int[] sorted = DemoBenchmark.sorted(values);
    long within = values.stream().filter(d -> d <= DemoBenchmark.TRIGGER + 1).count();
    return new Summary(DemoBenchmark.percentile(sorted, 0.5), DemoBenchmark.percentile(sorted, 0.9),
        sorted.length == 0 ? -1 : sorted[sorted.length - 1], values.isEmpty() ? 0 : within / (double) values.size(),
        values.size());
  }

  void print() {
    printHeartbeats();
    printRates();
  }

  private void printRates() {
    System.out.printf(Locale.ROOT, "%nby expected events per window at the drop (a 50 %% drop is 3 Poisson sigmas of"
        + " one window from 36 events on):%n");
    String[] names = {"< 20", "20-40", "40-80", ">= 80"};
    for (int bin = 0; bin < names.length; bin++) {
      Summary r = summarize(byRate.get(bin));
      System.out.printf(Locale.ROOT, "  %-6s %5d trials  median %5s  p90 %5s  within goal %3.0f%%%n", names[bin],
          r.trials(), show(r.median()), show(r.p90()), 100 * r.withinGoal());
    }
  }

  private void printHeartbeats() {
    System.out.printf(Locale.ROOT, "%nwindows until a 50 %% drop fires (trigger %d, goal <= %d; >%d = not within %d"
        + " minutes)%n", DemoBenchmark.TRIGGER, DemoBenchmark.TRIGGER + 1, DemoBenchmark.DROP_MINUTES,
        DemoBenchmark.DROP_MINUTES);
    System.out.printf(Locale.ROOT, "%-28s %6s %6s %6s %6s %8s | %-20s | %s%n", "heartbeat", "trials", "median",
        "p90", "max", "<=goal", "baseline median/p90", "outage (value 0) median/max");
    for (String metric : delays.keySet()) {
      Summary s = summary(metric);
      Summary b = baselineSummary(metric);
      Summary o = summarize(outageDelays.getOrDefault(metric, List.of()));
      System.out.printf(Locale.ROOT, "%-28s %6d %6s %6s %6s %7.0f%% | %-20s | %s / %s%n", metric, s.trials(),
          show(s.median()), show(s.p90()), show(s.max()), 100 * s.withinGoal(), show(b.median()) + " / "
          + show(b.p90()), show(o.median()), show(o.max()));
    }
  }

  static String show(int delay) {
    return delay == Integer.MAX_VALUE ? ">" + DemoBenchmark.DROP_MINUTES : Integer.toString(delay);
  }
}
