package io.heartbeat.alert.judge;

import java.math.BigDecimal;

/**
 * Decides the status of one window by the metric data contract, highest priority first:
 * error > red > amber > anomalous > green; unknown while there are neither thresholds nor a ready band, and for a
 * window resting on fewer events than min_count. Stale is decided by the window clock (Staleness). Pure: the live path, previews and benchmarks share it.
 */
public final class Judge {

  static final String NOT_YET_KNOWN = "definition not yet known";
  static final String NO_VALUE = "no value in window";
  static final String EMPTY_AS_ZERO = "empty window judged as 0; ";

  private Judge() {
  }

  /** Judges a reading by thresholds only (no band). */
  public static Judgement judge(Reading reading, Criteria criteria) {
    return judge(reading, criteria, null);
  }

  /**
   * Judges a reading; criteria is null while the metric's definition has not been received, band is null when the
   * band is disabled or there is no value. The band must have been asked about valueToJudge(reading, ...).
   */
  public static Judgement judge(Reading reading, Criteria criteria, BandCheck band) {
    if (reading.outcome() == Outcome.ERROR) {
      String message = reading.error() == null ? "no error message" : reading.error();
      return new Judgement(Status.ERROR, null, "value could not be computed: " + message + ": error");
    }
    if (criteria == null) {
      return new Judgement(Status.UNKNOWN, reading.value(), NOT_YET_KNOWN);
    }
    if (criteria.tooFew(reading.count())) {
      return new Judgement(Status.UNKNOWN, reading.value(), "too few events to judge: count "
          + (reading.count() == null ? "missing" : plain(reading.count())) + " < min_count " + plain(criteria.minCount()));
    }
    Double value = valueToJudge(reading, criteria, band != null);
    if (value == null) {
      return new Judgement(Status.UNKNOWN, null, NO_VALUE);
    }
    return judgeValue(value, criteria, band, reading.value() == null ? EMPTY_AS_ZERO : "");
  }

  /**
   * The value a window is judged (and the band fed) by. An empty window of a higher_is_better heartbeat means no
   * activity at all, which is the drop we watch for, so it counts as 0 when something can judge it (a threshold or
   * the band). For lower_is_better (errors, latency) no rows says nothing: there is no value.
   */
  public static Double valueToJudge(Reading reading, Criteria criteria, boolean bandEnabled) {
    if (reading.outcome() == Outcome.ERROR || criteria.tooFew(reading.count())) {
      return null;
    }
    if (reading.value() != null) {
      return reading.value();
    }
    boolean judgeable = criteria.hasThresholds() || bandEnabled;
    return judgeable && criteria.direction() == Direction.HIGHER_IS_BETTER ? 0.0 : null;
  }

  private static Judgement judgeValue(double value, Criteria criteria, BandCheck band, String prefix) {
    Direction direction = criteria.direction();
    if (criteria.alertValue() != null && direction.isWorse(value, criteria.alertValue())) {
      return verdict(Status.RED, value, prefix, direction.badSide(), "alert_value", criteria.alertValue(), direction);
    }
    if (criteria.normValue() != null && direction.isWorse(value, criteria.normValue())) {
      return verdict(Status.AMBER, value, prefix, direction.badSide(), "norm_value", criteria.normValue(), direction);
    }
    if (band != null && band.anomalous()) {
      return new Judgement(Status.ANOMALOUS, value, prefix + BandRules.outside(value, band, direction)
          + " in " + band.badWindows() + " of the last " + band.triggerWithinWindows() + " windows (trigger "
          + band.triggerWindows() + " of " + band.triggerWithinWindows() + "): anomalous" + BandRules.adopted(band));
    }
    if (criteria.normValue() != null) {
      return verdict(Status.GREEN, value, prefix, direction.goodSide(), "norm_value", criteria.normValue(), direction);
    }
    if (criteria.alertValue() != null) {
      return verdict(Status.GREEN, value, prefix, direction.goodSide(), "alert_value", criteria.alertValue(),
          direction);
    }
    String scope = criteria.bandOnly() ? "dimension judged by its band only (thresholds belong to the metric total)"
        : "no thresholds (norm_value and alert_value not set)";
    if (band != null && band.ready()) {
      return new Judgement(Status.GREEN, value, prefix + scope + "; " + BandRules.inside(value, band, direction)
          + ": green" + BandRules.adopted(band));
    }
    String why = band == null ? (criteria.bandOnly() ? "; anomaly band disabled" : "")
        : " and band warming up (" + band.historyWindows() + " of " + band.minHistoryWindows() + " windows)";
    return new Judgement(Status.UNKNOWN, value, prefix + scope + why + ": unknown");
  }

  private static Judgement verdict(Status status, double value, String prefix, String operator, String name,
      double threshold, Direction direction) {
    String rule = prefix + "value " + plain(value) + " " + operator + " " + name + " " + plain(threshold)
        + " (" + direction.wire() + "): " + status.wire();
    return new Judgement(status, value, rule);
  }

  /** 41.0 reads as "41", 0.125 as "0.125": rules are read by people. */
  static String plain(double number) {
    return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
  }
}
