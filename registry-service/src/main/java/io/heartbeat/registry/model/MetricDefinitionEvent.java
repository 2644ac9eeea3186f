package io.heartbeat.registry.model;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Version 1 of the event on heartbeat.registry (docs/events/metric-definition.v1.json), keyed by metricId. */
@RegisterForReflection
public record MetricDefinitionEvent(
    int schemaVersion,
    String id,
    String type,
    String metricId,
    String version,
    String state,
    Instant publishedAt,
    MetricDefinition definition,
    List<DefinitionProblem> problems) {

  public static final String DEFINED = "metric.defined";
  public static final String REMOVED = "metric.removed";
}
