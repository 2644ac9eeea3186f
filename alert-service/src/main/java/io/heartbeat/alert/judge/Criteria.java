package io.heartbeat.alert.judge;

/**
 * The owner's thresholds a value is judged against; either threshold may be absent (null). A dimension series is
 * judged by its band only (bandOnly): the thresholds belong to the metric total.
 */
public record Criteria(Direction direction, Double normValue, Double alertValue, boolean bandOnly) {

  public Criteria(Direction direction, Double normValue, Double alertValue) {
    this(direction, normValue, alertValue, false);
  }

  /** The criteria of a dimension series of a metric: its direction, no thresholds. */
  public static Criteria bandOnly(Direction direction) {
    return new Criteria(direction, null, null, true);
  }

  public boolean hasThresholds() {
    return normValue != null || alertValue != null;
  }
}
