package io.heartbeat.alert.band;

import java.time.Instant;

/**
 * One band and its breach tracker inside the NAB detector. On the window where an anomaly starts firing it scores
 * the run's weakest deviation (the least |deviation| over the trigger window) by how rarely this series reached
 * it before: surprise = -ln(share of earlier windows whose run was at least as far out), squashed into [0, 1).
 * Calibrating by the series' own history (in the spirit of HTM's anomaly likelihood) lets one threshold serve a
 * smooth series and a bursty one; it only reads values seen so far.
 */
final class NabStream {

  final AnomalyBand band;
  final BreachTracker tracker;
  final double[] recent;
  final Tail tail = new Tail();
  Breach breach = Breach.CLEAR;
  int judged;

  NabStream(AnomalyBand band, BreachTracker tracker, int trigger) {
    this.band = band;
    this.tracker = tracker;
    this.recent = new double[trigger];
  }

  double step(Instant at, double value) {
    BandStep step = band.observe(at, value);
    Position position = step.position().orElse(null);
    breach = tracker.step(breach, position);
    if (position == null) {
      return 0;
    }
    recent[judged++ % recent.length] = Math.abs(step.deviation());
    double weakest = Double.MAX_VALUE;
    for (double deviation : recent) {
      weakest = Math.min(weakest, deviation);
    }
    double score = 0;
    if (breach.fired()) {
      double surprise = -Math.log(tail.share(weakest));
      score = surprise / (surprise + 1);
    }
    if (judged >= recent.length) {
      tail.add(weakest);
    }
    return score;
  }

  /** How often a statistic reached a size in this series: counts above a log-spaced grid of sizes (1.25x apart). */
  static final class Tail {
    static final double STEP = 1.25;
    final double[] above = new double[40];
    double total;

    void add(double size) {
      total++;
      for (int k = 0; k < above.length && size >= Math.pow(STEP, k); k++) {
        above[k]++;
      }
    }

    /** Share of earlier values at least this large, interpolated on the grid, with half a pseudo-count. */
    double share(double size) {
      double position = Math.log(Math.max(size, 1)) / Math.log(STEP);
      int k = Math.min((int) position, above.length - 2);
      double fraction = Math.min(1, position - k);
      double low = Math.log((above[k] + 0.5) / (total + 1));
      double high = Math.log((above[k + 1] + 0.5) / (total + 1));
      return Math.exp(low + fraction * (high - low));
    }
  }
}
