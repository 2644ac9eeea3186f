package io.heartbeat.alert.judge;

import java.math.BigDecimal;

/**
 * Decides the status of one window by the metric data contract, highest priority first:
 * error > red > amber > green, unknown without thresholds. Pure: the live path, previews and benchmarks share it.
 */
public final class Judge {

  static final String NOT_YET_KNOWN = "definition not yet known";
  static final String NO_VALUE = "no value in window";

  private Judge() {
  }

  /** Judges a reading; criteria is null while the metric's definition has not been received. */
  public static Judgement judge(Reading reading, Criteria criteria) {
    if (reading.outcome() == Outcome.ERROR) {
      String message = reading.error() == null ? "no error message" : reading.error();
      return new Judgement(Status.ERROR, null, "value could not be computed: " + message + ": error");
    }
    if (criteria == null) {
      return new Judgement(Status.UNKNOWN, reading.value(), NOT_YET_KNOWN);
    }
    if (reading.value() != null) {
      return judgeValue(reading.value(), criteria, "");
    }
    // An empty window of a higher_is_better heartbeat means no activity at all, which is the drop we watch for,
    // so it is judged as 0. For lower_is_better (errors, latency) no rows says nothing: the value is unknown.
    if (criteria.hasThresholds() && criteria.direction() == Direction.HIGHER_IS_BETTER) {
      return judgeValue(0.0, criteria, "empty window judged as 0; ");
    }
    return new Judgement(Status.UNKNOWN, null, NO_VALUE);
  }

  private static Judgement judgeValue(double value, Criteria criteria, String prefix) {
    Direction direction = criteria.direction();
    if (criteria.alertValue() != null && direction.isWorse(value, criteria.alertValue())) {
      return verdict(Status.RED, value, prefix, direction.badSide(), "alert_value", criteria.alertValue(), direction);
    }
    if (criteria.normValue() != null && direction.isWorse(value, criteria.normValue())) {
      return verdict(Status.AMBER, value, prefix, direction.badSide(), "norm_value", criteria.normValue(), direction);
    }
    // Seam for anomaly bands (a later issue): "anomalous" ranks between amber and green, so a band check
    // belongs exactly here, before a value is declared green.
    if (criteria.normValue() != null) {
      return verdict(Status.GREEN, value, prefix, direction.goodSide(), "norm_value", criteria.normValue(), direction);
    }
    if (criteria.alertValue() != null) {
      return verdict(Status.GREEN, value, prefix, direction.goodSide(), "alert_value", criteria.alertValue(), direction);
    }
    return new Judgement(Status.UNKNOWN, value, prefix + "no thresholds (norm_value and alert_value not set): unknown");
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
