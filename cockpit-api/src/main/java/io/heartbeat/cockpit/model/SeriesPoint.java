package io.heartbeat.cockpit.model;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One recent metric-level window of a metric, for the sparkline, with the band it was judged against. */
@RegisterForReflection
@Schema(description = "One metric-level window of the series")
public record SeriesPoint(
    @Schema(description = "Start of the window", required = true) Instant windowStart,
    @Schema(description = "Value of the window; null when it could not be computed", nullable = true) Double value,
    @Schema(required = true) Status status,
    @Schema(nullable = true) Band band) {
}
