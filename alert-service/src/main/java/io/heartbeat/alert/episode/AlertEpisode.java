package io.heartbeat.alert.episode;

import java.time.Instant;

import io.heartbeat.alert.judge.Status;

/**
 * An episode that fired, as stored in alert.episode: open (firing) or resolved, its current and peak status, when
 * it started (first bad window), fired and resolved, and the reason of its latest step.
 */
public record AlertEpisode(String dedupKey, String metricId, String dimensionKind, String dimensionValue,
    boolean resolved, Status status, Status peak, Instant startedAt, Instant firedAt, Instant resolvedAt,
    String reason) {

  /** The episode after one more step; current is null when this batch has not seen the episode before. */
  public static AlertEpisode after(AlertEpisode current, Transition step, String dedupKey, String metricId,
      String dimensionKind, String dimensionValue) {
    return switch (step.type()) {
      case FIRING -> new AlertEpisode(dedupKey, metricId, dimensionKind, dimensionValue, false, step.status(),
          step.status(), step.episodeStart(), step.windowStart(), null, step.reason());
      case ESCALATED -> new AlertEpisode(dedupKey, metricId, dimensionKind, dimensionValue, false, step.status(),
          step.status(), step.episodeStart(), current == null ? step.windowStart() : current.firedAt(), null,
          step.reason());
      case RESOLVED -> new AlertEpisode(dedupKey, metricId, dimensionKind, dimensionValue, true, step.status(),
          step.previousStatus(), step.episodeStart(), current == null ? step.windowStart() : current.firedAt(),
          step.windowEnd(), step.reason());
    };
  }
}
