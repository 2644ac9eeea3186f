package io.heartbeat.alert.judge;

/**
 * What an observation says about one window: its outcome, its value (null unless ok), the error text, and the
 * count of events the value rests on (null when value_sql returns none).
 */
public record Reading(Outcome outcome, Double value, String error, Double count) {

  public Reading(Outcome outcome, Double value, String error) {
    this(outcome, value, error, null);
  }

  public static Reading ok(double value) {
    return new Reading(Outcome.OK, value, null, null);
  }

  public static Reading empty() {
    return new Reading(Outcome.EMPTY, null, null, null);
  }

  public static Reading error(String message) {
    return new Reading(Outcome.ERROR, null, message, null);
  }

  public Reading withCount(Double events) {
    return new Reading(outcome, value, error, events);
  }
}
