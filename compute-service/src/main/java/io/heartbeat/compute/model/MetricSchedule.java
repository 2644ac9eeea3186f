package io.heartbeat.compute.model;

import java.time.Instant;

/**
 * What the schedule needs to plan one metric's windows; {@code previous}, {@code lastRunEnd},
 * {@code registryPartition} and {@code pendingSince} (oldest claimed window not yet acknowledged) may be null.
 */
public record MetricSchedule(
    String metricId,
    String state,
    VersionedDefinition current,
    VersionedDefinition previous,
    Instant effectiveFrom,
    Instant activeSince,
    Instant lastRunEnd,
    Integer registryPartition,
    Instant pendingSince) {

  public MetricSchedule(String metricId, String state, VersionedDefinition current, VersionedDefinition previous,
      Instant effectiveFrom, Instant activeSince, Instant lastRunEnd) {
    this(metricId, state, current, previous, effectiveFrom, activeSince, lastRunEnd, null, null);
  }

  /** The definition that governs a window starting at {@code start}. */
  public VersionedDefinition definitionAt(Instant start) {
    return previous != null && effectiveFrom != null && start.isBefore(effectiveFrom) ? previous : current;
  }
}
