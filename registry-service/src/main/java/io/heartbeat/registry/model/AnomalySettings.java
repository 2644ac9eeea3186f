package io.heartbeat.registry.model;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How the learned band may judge a metric: windows are counted in the metric's period. The last three are null when
 * the file leaves them out, so alert-service, which owns their defaults, applies them.
 */
@RegisterForReflection
public record AnomalySettings(boolean enabled, double sensitivity, int triggerWindows, int recoveryWindows,
    int minHistoryWindows, Integer triggerWithinWindows, BigDecimal minChangePercent, BigDecimal minChangeAbsolute) {

  public static final AnomalySettings DEFAULT = new AnomalySettings(true, 3.0, 3, 5, 1440, null, null, null);

  /**
   * The default minimum history: one day of windows, at least 12 (1440 at 1m, 288 at 5m, 24 at 1h), the default of
   * the detector alert-service runs and the NAB benchmark scores (its DetectorSettings.minHistoryFor).
   */
  public static int minHistoryFor(int periodSeconds) {
    return periodSeconds <= 0 ? DEFAULT.minHistoryWindows() : Math.max(12, 86_400 / periodSeconds);
  }
}
