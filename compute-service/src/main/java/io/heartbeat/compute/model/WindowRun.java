package io.heartbeat.compute.model;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One computed window of a metric (a compute.window_run row). */
@RegisterForReflection
public record WindowRun(
    String metricId,
    Instant windowStart,
    Instant windowEnd,
    String definitionVersion,
    Status status,
    Instant computedAt,
    int observations,
    String error) {
}
