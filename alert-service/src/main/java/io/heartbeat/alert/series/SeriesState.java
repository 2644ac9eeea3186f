package io.heartbeat.alert.series;

import java.time.Instant;

import io.heartbeat.alert.band.Detector;
import io.heartbeat.alert.episode.EpisodeTracker;
import io.heartbeat.alert.judge.Direction;
import io.heartbeat.alert.judge.History;

/**
 * Everything the judgement remembers about one series (a metric total or one dimension value): the last window
 * judged in order, recent values, the anomaly detector, the episode and the open downtime interval. Mutable, used by
 * one judging lane at a time; kept in PostgreSQL (alert.series_state) so a restart resumes where it stopped.
 */
public final class SeriesState {

  /** Windows of history behind typical (μ ± σ). */
  public static final int TYPICAL_WINDOWS = 60;

  final int periodSeconds;
  final Direction direction;
  Instant lastWindowStart;
  final History history;
  final Detector detector;
  final EpisodeTracker episode;
  Instant downStart;
  Instant downEnd;
  String downKind;
  Instant staleWindow;
  /** The definition version whose history this series learned (null: none learned yet). */
  String historyVersion;

  public SeriesState(int periodSeconds, Direction direction, Instant lastWindowStart, History history,
      Detector detector, EpisodeTracker episode, Instant downStart, Instant downEnd, String downKind,
      Instant staleWindow, String historyVersion) {
    this.periodSeconds = periodSeconds;
    this.direction = direction;
    this.lastWindowStart = lastWindowStart;
    this.history = history;
    this.detector = detector;
    this.episode = episode;
    this.downStart = downStart;
    this.downEnd = downEnd;
    this.downKind = downKind;
    this.staleWindow = staleWindow;
    this.historyVersion = historyVersion;
  }

  /** A series never seen; detector is null when the anomaly band is disabled for the metric. */
  public static SeriesState fresh(int periodSeconds, Direction direction, Detector detector) {
    return new SeriesState(periodSeconds, direction, null, new History(TYPICAL_WINDOWS), detector,
        new EpisodeTracker(), null, null, null, null, null);
  }

  /** A window at or before the last one judged in order: a replay, a duplicate or a late arrival. */
  public boolean isLate(Instant windowStart) {
    return lastWindowStart != null && !windowStart.isAfter(lastWindowStart);
  }

  /** Notes that the silence starting at expectedWindowStart was judged stale; false if it already was. */
  public boolean noteStale(Instant expectedWindowStart) {
    if (expectedWindowStart.equals(staleWindow)) {
      return false;
    }
    staleWindow = expectedWindowStart;
    return true;
  }

  public int periodSeconds() {
    return periodSeconds;
  }

  public Direction direction() {
    return direction;
  }

  public Instant lastWindowStart() {
    return lastWindowStart;
  }

  public History history() {
    return history;
  }

  public Detector detector() {
    return detector;
  }

  public EpisodeTracker episode() {
    return episode;
  }

  public Instant downStart() {
    return downStart;
  }

  public Instant downEnd() {
    return downEnd;
  }

  public String downKind() {
    return downKind;
  }

  public Instant staleWindow() {
    return staleWindow;
  }

  public String historyVersion() {
    return historyVersion;
  }
}
