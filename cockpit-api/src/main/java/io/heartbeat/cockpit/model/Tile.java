package io.heartbeat.cockpit.model;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One metric as the cockpit shows it: its definition's display fields and its latest metric-level evaluation. */
@RegisterForReflection
@Schema(description = "One metric: display fields of its definition and its latest metric-level evaluation "
    + "(evaluation fields are null until the first one arrives, status then reads unknown)")
public record Tile(
    @Schema(required = true) String metricId,
    @Schema(required = true) String code,
    @Schema(required = true) String name,
    @Schema(required = true) String unit,
    @Schema(required = true, example = "5m") String period,
    @Schema(required = true, enumeration = {"higher_is_better", "lower_is_better"}) String direction,
    @Schema(required = true) Status status,
    @Schema(nullable = true) Double value,
    @Schema(nullable = true, description = "Which rule decided the status, as alert-service words it") String rule,
    @Schema(nullable = true) Band band,
    @Schema(nullable = true) Learning learning,
    @Schema(nullable = true) Instant windowStart,
    @Schema(nullable = true) Instant windowEnd,
    @Schema(nullable = true) Instant evaluatedAt,
    @Schema(nullable = true) Double normValue,
    @Schema(nullable = true) Double alertValue,
    @Schema(nullable = true) Double targetValue,
    @Schema(nullable = true) LocalDate targetDueDate,
    @Schema(required = true) String stage,
    @Schema(nullable = true) String howToRead) {
}
