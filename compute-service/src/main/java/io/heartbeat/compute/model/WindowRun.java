package io.heartbeat.compute.model;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One computed window of a metric (a compute.window_run row): which instance computed it, and when the broker
 * acknowledged its observations ({@code publishedAt} null while they wait for it).
 */
@RegisterForReflection
public record WindowRun(
    String metricId,
    Instant windowStart,
    Instant windowEnd,
    String definitionVersion,
    Status status,
    Instant computedAt,
    int observations,
    String error,
    String computedBy,
    Instant publishedAt) {
}
