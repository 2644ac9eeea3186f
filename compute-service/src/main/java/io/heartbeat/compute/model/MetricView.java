package io.heartbeat.compute.model;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A metric in force as the REST API shows it, with the next window the schedule will compute and the
 * heartbeat.registry partition that decides which instance computes it.
 */
@RegisterForReflection
public record MetricView(
    String metricId,
    String state,
    String version,
    String period,
    Instant activeSince,
    Instant lastWindowEnd,
    Instant nextWindowStart,
    Instant nextWindowEnd,
    Instant nextDueAt,
    Integer registryPartition) {
}
