package io.heartbeat.alert.model;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Event metric-definition.v1 from heartbeat.registry (compacted): the latest one per metricId is in force. */
@RegisterForReflection
public record MetricDefinitionEvent(
    int schemaVersion,
    String id,
    String type,
    String metricId,
    String version,
    String state,
    Instant publishedAt,
    MetricDefinition definition) {

  public static final String REMOVED = "metric.removed";

  /** A removed metric, or one that never had a good definition, has nothing to judge by. */
  public boolean withdrawsMetric() {
    return REMOVED.equals(type) || definition == null;
  }
}
