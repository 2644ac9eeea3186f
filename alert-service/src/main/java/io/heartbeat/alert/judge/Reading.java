package io.heartbeat.alert.judge;

/** What an observation says about one window: its outcome, its value (null unless ok) and the error text. */
public record Reading(Outcome outcome, Double value, String error) {

  public static Reading ok(double value) {
    return new Reading(Outcome.OK, value, null);
  }

  public static Reading empty() {
    return new Reading(Outcome.EMPTY, null, null);
  }

  public static Reading error(String message) {
    return new Reading(Outcome.ERROR, null, message);
  }
}
