package io.heartbeat.alert.band;

/** Which recurring patterns the band learns: none, the time of day, or the time of day and the day of week. */
public enum Seasonality {
  NONE,
  DAILY,
  WEEKLY;

  public String wire() {
    return name().toLowerCase();
  }

  public static Seasonality fromWire(String wire) {
    return valueOf(wire.toUpperCase());
  }
}
