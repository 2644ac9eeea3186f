package io.heartbeat.alert.band;

import java.time.Instant;

/**
 * The shipped detector ({@link Detector} built from {@link DetectorSettings#defaults}, both sides bad) over one NAB
 * file, and the two result columns the benchmark writes for it: {@code alert} is 1 exactly on the window where the
 * detector's breach fires (one page per episode); {@code anomaly_score} is 0 except on those windows, where it says
 * how rare the breach is in this series so far, so NAB's threshold sweep can compare the detector with the published
 * ones. The score reads only the detector's own deviations of values seen so far, never labels: the breach's k-th
 * largest |deviation| among the last n windows (its weakest bad window) is scored by -ln(share of earlier windows
 * whose statistic was at least as large), squashed into [0, 1). Nothing here changes which windows fire.
 */
final class NabStream {

  final Detector detector;
  final double[] recent;
  final int k;
  final Tail tail = new Tail();
  final Tail hourTail = new Tail();
  int judged;

  NabStream(Detector detector) {
    this.detector = detector;
    this.recent = new double[detector.settings().triggerWithinWindows()];
    this.k = detector.settings().triggerWindows();
  }

  /** One window: {alert, anomaly_score}. */
  double[] step(Instant at, double value) {
    Detection detection = detector.observe(at, value, false);
    boolean fired = detection.breach().fired();
    double hourScore = 0;
    if (detector.lastHour() != null) {
      double size = Math.abs(detector.lastHour().deviation());
      if (fired && detector.lastHourFired()) {
        double surprise = -Math.log(hourTail.share(size));
        hourScore = surprise / (surprise + 1);
      }
      hourTail.add(size);
    }
    if (!detection.ready()) {
      return new double[] {fired ? 1 : 0, fired ? Math.max(0.5, hourScore) : 0};
    }
    recent[judged++ % recent.length] = Math.abs(detection.deviation());
    double statistic = kthLargest();
    double score = 0;
    if (fired && hourScore > 0) {
      score = hourScore;
    } else if (fired) {
      double surprise = -Math.log(tail.share(statistic));
      score = surprise / (surprise + 1);
    }
    if (judged >= recent.length) {
      tail.add(statistic);
    }
    return new double[] {fired ? 1 : 0, score};
  }

  private double kthLargest() {
    double[] sorted = recent.clone();
    java.util.Arrays.sort(sorted);
    return sorted[Math.max(0, sorted.length - k)];
  }

  /** How often a statistic reached a size in this series: counts above a log-spaced grid of sizes (1.25x apart). */
  static final class Tail {
    static final double STEP = 1.25;
    final double[] above = new double[40];
    double total;

    void add(double size) {
      total++;
      for (int i = 0; i < above.length && size >= Math.pow(STEP, i); i++) {
        above[i]++;
      }
    }

    /** Share of earlier values at least this large, interpolated on the grid, with half a pseudo-count. */
    double share(double size) {
      double position = Math.log(Math.max(size, 1)) / Math.log(STEP);
      int i = Math.min((int) position, above.length - 2);
      double fraction = Math.min(1, position - i);
      double low = Math.log((above[i] + 0.5) / (total + 1));
      double high = Math.log((above[i + 1] + 0.5) / (total + 1));
      return Math.exp(low + fraction * (high - low));
    }
  }
}
