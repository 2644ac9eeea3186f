package io.heartbeat.cockpit.model;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** EvaluationEvent v1 as read from heartbeat.evaluations (docs/events/evaluation.v1.json). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvaluationEvent(
    int schemaVersion,
    String id,
    String observationId,
    String metricId,
    String definitionVersion,
    String period,
    Instant windowStart,
    Instant windowEnd,
    Double value,
    Status status,
    String rule,
    String direction,
    Thresholds thresholds,
    Dimension dimension,
    Band band,
    Instant evaluatedAt) {

  /** True when every field the read model stores is there; anything less is a contract breach. */
  public boolean complete() {
    return id != null && metricId != null && status != null && rule != null
        && windowStart != null && windowEnd != null && evaluatedAt != null;
  }

  /** True for the metric as a whole, false for one customer, region or platform slice. */
  public boolean metricLevel() {
    return dimension == null;
  }

  /** Owner thresholds in force when the observation was judged. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Thresholds(Double normValue, Double alertValue, Double targetValue, LocalDate targetDueDate) {
  }

  /** The slice an evaluation is about, null for the metric as a whole. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Dimension(String kind, String value) {
  }
}
