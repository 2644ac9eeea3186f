package io.heartbeat.alert.band;

/** Which side of the band is bad: below for a heartbeat (higher is better), above for a failure ratio, or both. */
public enum BadSide {
  LOW,
  HIGH,
  BOTH;

  /** True when a value at this position is on the bad side; inside the band is never bad. */
  public boolean isBad(Position position) {
    return switch (position) {
      case BELOW -> this != HIGH;
      case ABOVE -> this != LOW;
      case INSIDE -> false;
    };
  }
}
