package io.heartbeat.alert.judge;

/**
 * The owner's thresholds a value is judged against; either threshold may be absent (null). A dimension series is
 * judged by its band only (bandOnly): the thresholds belong to the metric total. minCount (the header's min_count)
 * is the least count of events a window must rest on to be judged.
 */
public record Criteria(Direction direction, Double normValue, Double alertValue, boolean bandOnly, Double minCount) {

  public Criteria(Direction direction, Double normValue, Double alertValue) {
    this(direction, normValue, alertValue, false, null);
  }

  public Criteria(Direction direction, Double normValue, Double alertValue, boolean bandOnly) {
    this(direction, normValue, alertValue, bandOnly, null);
  }

  /** The criteria of a dimension series of a metric: its direction, no thresholds. */
  public static Criteria bandOnly(Direction direction) {
    return new Criteria(direction, null, null, true, null);
  }

  /** The same criteria, judged only when a window's count reaches minCount (null: always). */
  public Criteria withMinCount(Double events) {
    return new Criteria(direction, normValue, alertValue, bandOnly, events);
  }

  /** True when the window rests on too few events to be judged at all (a ratio over three answers). */
  public boolean tooFew(Double count) {
    return minCount != null && (count == null || count < minCount);
  }

  public boolean hasThresholds() {
    return normValue != null || alertValue != null;
  }
}
