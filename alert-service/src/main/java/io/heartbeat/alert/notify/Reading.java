package io.heartbeat.alert.notify;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The number that caused the step, against what was expected of it: the learned band (expected, lower, upper) and
 * the owner's thresholds (norm_value is amber, alert_value is red). Every part may be null: a stale heartbeat has
 * no value, a young metric no band, a provisional one no thresholds. The window is the one whose observation
 * decided the step.
 */
@RegisterForReflection
public record Reading(
    Double value,
    Double expected,
    Double bandLower,
    Double bandUpper,
    Double normValue,
    Double alertValue,
    Instant windowStart,
    Instant windowEnd) {

  /** Nothing known: a heartbeat that stopped before any window was judged. */
  public static final Reading NONE = new Reading(null, null, null, null, null, null, null, null);

  public boolean hasBand() {
    return bandLower != null && bandUpper != null;
  }
}
