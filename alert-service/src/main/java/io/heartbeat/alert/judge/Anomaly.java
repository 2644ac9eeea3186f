package io.heartbeat.alert.judge;

/**
 * A metric's anomaly settings (definition.anomaly), windows counted in periods. The trigger and recovery windows
 * also govern episodes opened by thresholds.
 */
public record Anomaly(boolean enabled, double sensitivity, int triggerWindows, int recoveryWindows,
    int minHistoryWindows) {

  /** The defaults documented in db/metrics/_schema.sql. */
  public static final Anomaly DEFAULTS = new Anomaly(true, 3.0, 3, 5, 1440);
}
