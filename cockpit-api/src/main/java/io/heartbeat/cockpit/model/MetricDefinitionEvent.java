package io.heartbeat.cockpit.model;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** MetricDefinitionEvent v1 as read from heartbeat.registry (docs/events/metric-definition.v1.json). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricDefinitionEvent(
    int schemaVersion,
    String id,
    String type,
    String metricId,
    String version,
    String state,
    Instant publishedAt,
    MetricDefinition definition,
    List<Problem> problems) {

  public static final String REMOVED = "metric.removed";

  /** True when the metric is gone and its tile must go with it. */
  public boolean removed() {
    return REMOVED.equals(type) || "removed".equals(state);
  }

  /** A problem the registry found in the definition file. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Problem(String file, int line, String field, String message) {
  }
}
