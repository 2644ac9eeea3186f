package io.heartbeat.alert.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Event observation.v1 from heartbeat.observations: one metric (or dimension) value for one window. count and filled
 * are optional on the wire; history is set only on an observation taken out of an observation-history.v1 chunk (and
 * kept with it while it waits for its definition).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
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
    ObservationError error,
    Double count,
    Boolean filled,
    HistoryMark history) {

  public ObservationEvent(int schemaVersion, String id, String metricId, String definitionVersion, String period,
      Instant windowStart, Instant windowEnd, Instant computedAt, String status, Double value, Dimension dimension,
      ObservationError error) {
    this(schemaVersion, id, metricId, definitionVersion, period, windowStart, windowEnd, computedAt, status, value,
        dimension, error, null, null, null);
  }

  /** The fields this service cannot judge without; anything else missing is tolerated. */
  public boolean isComplete() {
    return schemaVersion == 1 && id != null && metricId != null && period != null && windowStart != null
        && windowEnd != null && status != null;
  }

  // Not a bean getter (isHistory): Jackson would write it as a "history" boolean over the history mark.
  public boolean fromHistory() {
    return history != null;
  }
}
