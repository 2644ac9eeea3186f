package io.heartbeat.compute.model;

import java.time.Instant;

/** What the schedule needs to plan one metric's windows; {@code previous} and {@code lastRunEnd} may be null. */
public record MetricSchedule(
    String metricId,
    String state,
    VersionedDefinition current,
    VersionedDefinition previous,
    Instant effectiveFrom,
    Instant activeSince,
    Instant lastRunEnd) {

  /** The definition that governs a window starting at {@code start}. */
  public VersionedDefinition definitionAt(Instant start) {
    return previous != null && effectiveFrom != null && start.isBefore(effectiveFrom) ? previous : current;
  }
}
