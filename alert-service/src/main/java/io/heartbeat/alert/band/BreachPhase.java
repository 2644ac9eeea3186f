package io.heartbeat.alert.band;

/** Where a series stands in the anomaly's lifecycle. */
public enum BreachPhase {
  /** Inside the band (or outside on the harmless side). */
  CLEAR,
  /** On the bad side, not yet for the trigger window. */
  PENDING,
  /** On the bad side for the trigger window: anomalous. */
  FIRING,
  /** Back inside after firing, not yet for the recovery window: still anomalous. */
  RECOVERING;

  public String wire() {
    return name().toLowerCase();
  }
}
