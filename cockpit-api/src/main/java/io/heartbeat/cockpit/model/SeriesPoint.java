package io.heartbeat.cockpit.model;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One recent metric-level window of a metric, for the sparkline. */
@RegisterForReflection
public record SeriesPoint(Instant windowStart, Double value, Status status) {
}
