package io.heartbeat.alert.judge;

import io.heartbeat.alert.band.DetectorSettings;

/**
 * A metric's anomaly settings (definition.anomaly), windows counted in periods. The trigger (k of the last
 * triggerWithinWindows) and recovery windows also govern episodes opened by thresholds and errors. The optional
 * fields are null when the header does not set them; their getters give the shipped defaults.
 */
public record Anomaly(boolean enabled, double sensitivity, int triggerWindows, int recoveryWindows,
    int minHistoryWindows, Integer triggerWithinWindows, Double minChangePercent, Double minChangeAbsolute) {

  /** The defaults documented in db/metrics/_schema.sql: those of the detector the NAB benchmark scores. */
  public static final Anomaly DEFAULTS = new Anomaly(true, DetectorSettings.SENSITIVITY, DetectorSettings.TRIGGER,
      DetectorSettings.RECOVERY, DetectorSettings.MIN_HISTORY_WINDOWS);

  public Anomaly(boolean enabled, double sensitivity, int triggerWindows, int recoveryWindows,
      int minHistoryWindows) {
    this(enabled, sensitivity, triggerWindows, recoveryWindows, minHistoryWindows, null, null, null);
  }

  /** n of "k of the last n": the header's anomaly_trigger_within, else trigger + 2 (3 of 5). */
  public int within() {
    int n = triggerWithinWindows == null ? triggerWindows + DetectorSettings.TRIGGER_WITHIN - DetectorSettings.TRIGGER
        : triggerWithinWindows;
    return Math.max(triggerWindows, n);
  }

  public double changePercent() {
    return minChangePercent == null ? DetectorSettings.MIN_CHANGE_PERCENT : minChangePercent;
  }

  public double changeAbsolute() {
    return minChangeAbsolute == null ? DetectorSettings.MIN_CHANGE_ABSOLUTE : minChangeAbsolute;
  }
}
