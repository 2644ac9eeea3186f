package io.heartbeat.compute.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A heartbeat.registry event (docs/events/metric-definition.v1.json); the definition stays raw JSON to be stored as is. */
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
    JsonNode definition,
    JsonNode problems) {

  public static final String DEFINED = "metric.defined";
  public static final String REMOVED = "metric.removed";

  /** Whether this event leaves the metric without a definition in force. */
  public boolean removesMetric() {
    return REMOVED.equals(type) || "removed".equals(state) || definition == null || definition.isNull();
  }
}
