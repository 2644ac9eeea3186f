package io.heartbeat.compute.model;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One window's observation inside a history chunk: an {@link ObservationEvent} without what the chunk says once. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryObservation(
    String id,
    Instant windowStart,
    Instant windowEnd,
    Status status,
    BigDecimal value,
    BigDecimal count,
    Dimension dimension,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean filled,
    ObservationError error) {

  public static HistoryObservation of(ObservationEvent observation) {
    return new HistoryObservation(observation.id(), observation.windowStart(), observation.windowEnd(),
        observation.status(), observation.value(), observation.count(), observation.dimension(),
        observation.filled(), observation.error());
  }
}
