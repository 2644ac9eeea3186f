package io.heartbeat.compute.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One compute.history row: the history of one metric version, windows [rangeStart, historyEnd) searched from
 * {@code nextStart} on. {@code historyStart} (first window with data) and {@code windows} are null until a chunk found
 * data; {@code published} counts history windows the broker acknowledged; {@code seen} is the zero-fill memory so far.
 * {@code inForce}: whether the version still governs live windows (current or replaced-until-effective_from).
 */
public record HistoryJob(
    String metricId,
    String definitionVersion,
    MetricDefinition definition,
    Instant rangeStart,
    Instant historyEnd,
    Instant historyStart,
    Integer windows,
    Instant nextStart,
    int chunks,
    int published,
    Map<String, Instant> seen,
    HistoryState state,
    Instant createdAt,
    boolean inForce) {

  public Duration period() {
    return definition.length();
  }

  public VersionedDefinition versioned() {
    return new VersionedDefinition(definitionVersion, definition);
  }
}
