package io.heartbeat.registry.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How the learned band may judge a metric: windows are counted in the metric's period. */
@RegisterForReflection
public record AnomalySettings(boolean enabled, double sensitivity, int triggerWindows, int recoveryWindows,
    int minHistoryWindows) {

  public static final AnomalySettings DEFAULT = new AnomalySettings(true, 3.0, 3, 5, 1440);
}
