package io.heartbeat.cockpit.model;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One metric as the cockpit shows it: its definition's display fields and its latest metric-level evaluation. */
@RegisterForReflection
public record Tile(
    String metricId,
    String code,
    String name,
    String unit,
    String period,
    String direction,
    Status status,
    Double value,
    String rule,
    Instant windowStart,
    Instant windowEnd,
    Instant evaluatedAt,
    Double normValue,
    Double alertValue,
    Double targetValue,
    LocalDate targetDueDate,
    String stage,
    String howToRead) {
}
