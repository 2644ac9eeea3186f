package io.heartbeat.alert.judge;

import java.time.Instant;

import io.heartbeat.alert.episode.EpisodeTracker;

/**
 * Everything the judgement remembers about one series (a metric total or one dimension value): the last window
 * judged in order, recent values, the band, the episode and the open red interval. Mutable, used by one judging
 * lane at a time; kept in PostgreSQL (alert.series_state) so a restart resumes where it stopped.
 */
public final class SeriesState {

  /** Windows of history behind typical (μ ± σ). */
  public static final int TYPICAL_WINDOWS = 60;

  final int periodSeconds;
  final Direction direction;
  Instant lastWindowStart;
  final History history;
  final SeriesBand band;
  final EpisodeTracker episode;
  Instant redStart;
  Instant redEnd;
  Instant staleWindow;

  public SeriesState(int periodSeconds, Direction direction, Instant lastWindowStart, History history,
      SeriesBand band, EpisodeTracker episode, Instant redStart, Instant redEnd, Instant staleWindow) {
    this.periodSeconds = periodSeconds;
    this.direction = direction;
    this.lastWindowStart = lastWindowStart;
    this.history = history;
    this.band = band;
    this.episode = episode;
    this.redStart = redStart;
    this.redEnd = redEnd;
    this.staleWindow = staleWindow;
  }

  /** A series never seen; band is null when the anomaly band is disabled for the metric. */
  public static SeriesState fresh(int periodSeconds, Direction direction, SeriesBand band) {
    return new SeriesState(periodSeconds, direction, null, new History(TYPICAL_WINDOWS), band, new EpisodeTracker(),
        null, null, null);
  }

  /** True when the state was learned under another period or direction and must start over. */
  public boolean learnedUnder(int periodSeconds, Direction direction) {
    return this.periodSeconds == periodSeconds && this.direction == direction;
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

  public SeriesBand band() {
    return band;
  }

  public EpisodeTracker episode() {
    return episode;
  }

  public Instant redStart() {
    return redStart;
  }

  public Instant redEnd() {
    return redEnd;
  }

  public Instant staleWindow() {
    return staleWindow;
  }
}
