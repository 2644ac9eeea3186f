package io.heartbeat.alert.band;

/** The seasonal models a band fits side by side; it judges with the one whose recent one-step error is lowest. */
public enum Model {
  /** One running level: for series without a rhythm. */
  LEVEL,
  /** A mean per hour of the day. */
  HOURLY,
  /** A mean per fine time-of-day slot (5 minutes, or the period when longer): sharp daily shapes. */
  FINE,
  /** A mean per hour of the week plus the within-hour detail of the fine daily profile. */
  WEEKLY;

  public String wire() {
    return name().toLowerCase();
  }
}
