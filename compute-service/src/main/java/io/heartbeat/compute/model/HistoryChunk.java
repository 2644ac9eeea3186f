package io.heartbeat.compute.model;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A heartbeat.observations history chunk (docs/events/observation-history.v1.json). */
@RegisterForReflection
public record HistoryChunk(
    int schemaVersion,
    String type,
    String id,
    String metricId,
    String definitionVersion,
    String period,
    int periodSeconds,
    Instant historyStart,
    Instant historyEnd,
    int windows,
    int firstWindow,
    int chunkWindows,
    boolean last,
    Instant computedAt,
    List<HistoryObservation> observations) {

  public static final String TYPE = "history";
  /** The contract's maxItems: a chunk never carries more observations. */
  public static final int MAX_OBSERVATIONS = 2_000;

  /** sha256(metricId|definitionVersion|history|firstWindow): recomputing the history yields the same ids. */
  public static String idOf(String metricId, String definitionVersion, int firstWindow) {
    return ObservationEvent.sha256(metricId + "|" + definitionVersion + "|history|" + firstWindow);
  }
}
