package io.heartbeat.alert.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Event observation-history.v1 from heartbeat.observations: consecutive history windows of one metric, computed when
 * it was first seen or its value_sql or period changed, oldest first, always before its first live window.
 */
@RegisterForReflection
public record ObservationHistory(
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
    List<Item> observations) {

  public static final String TYPE = "history";

  /** One observation of the chunk (the chunk holds what every one shares). */
  @RegisterForReflection
  public record Item(String id, Instant windowStart, Instant windowEnd, String status, Double value, Double count,
      Dimension dimension, Boolean filled, ObservationError error) {
  }

  public boolean isComplete() {
    return schemaVersion == 1 && TYPE.equals(type) && id != null && metricId != null && definitionVersion != null
        && period != null && periodSeconds > 0 && observations != null && windows >= 0;
  }

  /** The chunk's observations as observations of their own, each marked with its place in the history. */
  public List<ObservationEvent> expand() {
    List<ObservationEvent> expanded = new ArrayList<>(observations.size());
    for (Item item : observations) {
      int window = (int) ((item.windowStart().getEpochSecond() - historyStart.getEpochSecond()) / periodSeconds);
      expanded.add(new ObservationEvent(schemaVersion, item.id(), metricId, definitionVersion, period,
          item.windowStart(), item.windowEnd(), computedAt, item.status(), item.value(), item.dimension(),
          item.error(), item.count(), item.filled(), new HistoryMark(window, windows, last)));
    }
    return expanded;
  }
}
