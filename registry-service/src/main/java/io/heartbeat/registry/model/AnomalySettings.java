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
}
