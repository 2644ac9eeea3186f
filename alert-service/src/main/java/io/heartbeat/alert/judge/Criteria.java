package io.heartbeat.alert.judge;

/** The owner's thresholds a value is judged against; either threshold may be absent (null). */
public record Criteria(Direction direction, Double normValue, Double alertValue) {

  public boolean hasThresholds() {
    return normValue != null || alertValue != null;
  }
}
