package io.heartbeat.compute.model;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One compute.backfill row: the windows [rangeStart, rangeEnd) of a metric, computed in order from
 * {@code nextStart}; {@code done} counts windows handled (computed here or found already computed),
 * {@code computed} those this job computed; {@code resumedAt}/{@code doneAtResume} measure the current rate.
 */
public record BackfillJob(
    UUID id,
    String metricId,
    Instant requestedFrom,
    Instant requestedTo,
    Instant rangeStart,
    Instant rangeEnd,
    int periodSeconds,
    Instant nextStart,
    int total,
    int done,
    int computed,
    BackfillState state,
    String requestedBy,
    Instant createdAt,
    Instant updatedAt,
    Instant resumedAt,
    int doneAtResume,
    Instant finishedAt,
    String error) {

  public Duration period() {
    return Duration.ofSeconds(periodSeconds);
  }
}
