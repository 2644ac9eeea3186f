package io.heartbeat.alert.model;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Event observation.v1 from heartbeat.observations: one metric (or dimension) value for one window. */
@RegisterForReflection
public record ObservationEvent(
    int schemaVersion,
    String id,
    String metricId,
    String definitionVersion,
    String period,
    Instant windowStart,
    Instant windowEnd,
    Instant computedAt,
    String status,
    Double value,
    Dimension dimension,
    ObservationError error) {

  /** The fields this service cannot judge without; anything else missing is tolerated. */
  public boolean isComplete() {
    return schemaVersion == 1 && id != null && metricId != null && period != null && windowStart != null
        && windowEnd != null && status != null;
  }
}
