package io.heartbeat.compute.model;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A backfill as {@code GET /api/backfill/{id}} shows it: the requested range, the windows it covers
 * ({@code from}/{@code to}, aligned, ending where the live schedule takes over), progress, rate and ETA.
 */
@RegisterForReflection
public record BackfillProgress(
    UUID id,
    String metricId,
    BackfillState state,
    Instant requestedFrom,
    Instant requestedTo,
    Instant from,
    Instant to,
    int periodSeconds,
    int total,
    int done,
    int computed,
    double windowsPerSecond,
    Long etaSeconds,
    Instant eta,
    String requestedBy,
    Instant createdAt,
    Instant updatedAt,
    Instant finishedAt,
    String error) {
}
