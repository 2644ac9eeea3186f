package io.heartbeat.alert.band;

import java.util.Arrays;

/**
 * One seasonal model of a band, learning on its own: a profile of absolute values per slot, an offset that follows
 * a busier or quieter stretch, its one-step error and tails, and its own robustness (see package-info).
 */
final class Predictor {

  /** The share of residuals beyond a tail, and where a normal residual has that share beyond it. */
  static final double TAIL = 0.001;
  static final double Z_TAIL = 3.09;
  /** A tail widens its side only by what it exceeds this many sigmas: a normal side keeps its plain sigma. */
  static final double TAIL_MARGIN = 1.5;
  /** A run of values beyond this many sigmas on one side is an incident once it is longer than RUN_WINDOWS. */
  static final double RUN_SIGMAS = 2.0;
  static final int RUN_WINDOWS = 4;
  /** The held-out residuals kept to place a new level: the last 32 of the run are plenty for a median. */
  static final int RUN_RING = 32;

  final Model model;
  /** Visits a slot needs (one cycle's worth) before it predicts; until then it learns a plain running mean. */
  final int maturity;
  final int shiftWindows;
  final SlotMeans profile;
  /** The last residuals of the current run of held-out values (a ring; runLength counts the whole run). */
  final float[] run;
  int runLength;
  /** Consecutive residuals beyond RUN_SIGMAS on one side, signed (+ above, - below). */
  int streak;
  double offset;
  /** The one-step error as a standard deviation (sqrt(pi/2) x mean absolute residual), per unit of hour factor. */
  double error;
  /**
   * The tails above and below as multiples of the model's sigma (at least 1): a streaming 99.9th percentile of each
   * side / 3.09 / sigma. Relative, so a tail follows the error as it settles: an early, noisy error cannot leave an
   * absolute tail behind that a 0.1 % quantile would take thousands of windows to bring down.
   */
  double above;
  double below;
  long samples;

  Predictor(Model model, int slots, int shiftWindows, int maturity) {
    this.model = model;
    this.maturity = maturity;
    this.shiftWindows = shiftWindows;
    this.profile = new SlotMeans(slots);
    this.run = new float[Math.min(shiftWindows, RUN_RING)];
  }

  boolean fits() {
    return profile.means.length > 0;
  }

  boolean trusted() {
    return samples >= AnomalyBand.MIN_ERROR_SAMPLES;
  }

  int slot(Slots slots) {
    return switch (model) {
      case LEVEL -> 0;
      case HOURLY -> slots.hour();
      case FINE -> slots.fine();
      case WEEKLY -> slots.week();
    };
  }

  /** True once this slot was visited for a whole cycle (an hour of windows for the hourly and weekly profiles). */
  boolean mature(Slots slots) {
    return profile.count(slot(slots)) >= maturity;
  }

  /** The expectation for these slots given the within-hour detail, NaN while this slot is immature. */
  double expected(Slots slots, double detail) {
    return mature(slots) ? profile.mean(slot(slots)) + detail + offset : Double.NaN;
  }

  /** The sigma on the side of a residual (never below floor), per unit of hour factor. */
  double sigma(double residual, double floor) {
    double base = Math.max(error, floor);
    return base * (1 + Math.max(0, (residual > 0 ? above : below) - TAIL_MARGIN));
  }

  /**
   * Learns one value. factor scales this hour's sigma (some hours are noisier); detail is what the profile does not
   * hold (the within-hour shape for the weekly model); floor is the least sigma per unit of factor.
   */
  double learn(Slots slots, double value, double factor, double detail, double floor, Tuning tuning, Rates rates,
      BadSide neverAdopt) {
    int slot = slot(slots);
    if (!mature(slots)) {
      // Not judged on its first values: one odd value would otherwise become the norm all later ones are held out
      // against.
      profile.learn(slot, value - detail, 0, rates.profile(model));
      return 0;
    }
    double residual = value - (profile.mean(slot) + detail + offset);
    boolean trusted = trusted();
    double symmetric = Math.max(error, floor) * factor;
    int side = residual > 0 ? 1 : -1;
    boolean beyond = trusted && Math.abs(residual) > RUN_SIGMAS * sigma(residual, floor) * factor;
    boolean incident = beyond && streak * side >= RUN_WINDOWS;
    streak = beyond ? (streak * side > 0 ? streak + side : side) : 0;
    // Held out: far beyond the symmetric sigma (a tail widens the band, it does not make far values normal), or
    // one more window of a run beyond the band's inner edge (an incident in progress, however mild, is no norm).
    boolean heldOut = trusted && (Math.abs(residual) > tuning.learnLimit() * symmetric || incident);
    // The error is capped at the symmetric learn limit, not at its own clip, so a poor model's error can still grow,
    // and not at a tail, so a skewed series' long side does not make a model look poor.
    double size = trusted ? Math.min(Math.abs(residual), tuning.learnLimit() * symmetric) : Math.abs(residual);
    samples++;
    error += Math.max(1.0 / samples, rates.error()) * (AnomalyBand.NORMAL_CONSISTENCY * size / factor - error);
    learnTails(residual / factor, trusted, !heldOut || runLength < RUN_WINDOWS, floor, rates);
    if (heldOut) {
      // Only an isolated far value says this slot changed (hourly spikes that stopped); a run moves the whole
      // level, which is the offset's business, and its residuals would carry the offset's error into the slot.
      if (runLength == 0) {
        profile.miss(slot, residual, rates.missLimit(model));
      }
      return holdOut(residual, neverAdopt);
    }
    runLength = 0;
    profile.hit(slot);
    double clip = trusted ? tuning.clip() * sigma(residual, floor) * factor : 0;
    offset += rates.offset() * clamp(residual, clip);
    profile.learn(slot, value - detail, clip, rates.profile(model));
    return 0;
  }

  /**
   * Moves each tail up when a residual lies beyond it and down otherwise, settling where 0.1 % lie beyond. The
   * first RUN_WINDOWS far values of a run count (spikes of a few windows that keep coming are this series' tail);
   * the rest of a longer run is an incident and does not, so an outage never widens its band.
   */
  private void learnTails(double normalized, boolean trusted, boolean counts, double floor, Rates rates) {
    double base = Math.max(error, floor);
    if (!trusted) {
      above = 1;
      below = 1;
      return;
    }
    if (!counts) {
      return;
    }
    double up = Math.max(above, 1);
    double down = Math.max(below, 1);
    above = up * Math.exp(rates.tail() * ((normalized > Z_TAIL * up * base ? 1 : 0) - TAIL));
    below = down * Math.exp(rates.tail() * ((normalized < -Z_TAIL * down * base ? 1 : 0) - TAIL));
  }

  /**
   * Far out: not learned. A run of such values on one side is a level shift once it lasts shiftWindows, and the
   * offset moves to it (returned, 0 otherwise) unless that side is the bad one: a drop of a heartbeat is an outage
   * for as long as it lasts, never its new normal.
   */
  private double holdOut(double residual, BadSide neverAdopt) {
    if (runLength > 0 && Math.signum(run[0]) != Math.signum(residual)) {
      runLength = 0;
    }
    run[runLength % run.length] = (float) residual;
    runLength++;
    if (runLength < shiftWindows) {
      return 0;
    }
    if (neverAdopt != null && neverAdopt.isBad(residual < 0 ? Position.BELOW : Position.ABOVE)) {
      // Keep the run open (and bounded) so the band never re-anchors on the bad side.
      runLength = shiftWindows - 1;
      return 0;
    }
    float[] sorted = Arrays.copyOf(run, Math.min(runLength, run.length));
    Arrays.sort(sorted);
    double shift = (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2.0;
    offset += shift;
    runLength = 0;
    return shift;
  }

  private static double clamp(double value, double limit) {
    return limit > 0 ? Math.max(-limit, Math.min(limit, value)) : value;
  }
}
