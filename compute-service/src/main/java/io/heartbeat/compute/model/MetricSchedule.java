package io.heartbeat.compute.model;

import java.time.Instant;
import java.util.Set;

/**
 * What the schedule needs to plan one metric's windows; {@code previous}, {@code lastRunEnd},
 * {@code registryPartition} and {@code pendingSince} (oldest claimed window not yet acknowledged) may be null.
 * {@code awaitingHistory}: definition versions whose history job is still running, so none of their live windows
 * may be computed yet.
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
    Instant pendingSince,
    Set<String> awaitingHistory) {

  public MetricSchedule {
    awaitingHistory = awaitingHistory == null ? Set.of() : Set.copyOf(awaitingHistory);
  }

  public MetricSchedule(String metricId, String state, VersionedDefinition current, VersionedDefinition previous,
      Instant effectiveFrom, Instant activeSince, Instant lastRunEnd, Integer registryPartition, Instant pendingSince) {
    this(metricId, state, current, previous, effectiveFrom, activeSince, lastRunEnd, registryPartition, pendingSince,
        Set.of());
  }

  public MetricSchedule(String metricId, String state, VersionedDefinition current, VersionedDefinition previous,
      Instant effectiveFrom, Instant activeSince, Instant lastRunEnd) {
    this(metricId, state, current, previous, effectiveFrom, activeSince, lastRunEnd, null, null);
  }

  /** The definition that governs a window starting at {@code start}. */
  public VersionedDefinition definitionAt(Instant start) {
    return previous != null && effectiveFrom != null && start.isBefore(effectiveFrom) ? previous : current;
  }

  /** Whether live windows of this definition wait for its history to be published first. */
  public boolean awaitsHistory(VersionedDefinition definition) {
    return awaitingHistory.contains(definition.version());
  }
}
