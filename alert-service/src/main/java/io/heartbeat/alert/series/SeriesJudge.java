package io.heartbeat.alert.judge;

import java.time.Instant;

import io.heartbeat.alert.episode.Transition;
import io.heartbeat.alert.sla.RedInterval;

/**
 * Judges one window of one series against its state: thresholds (metric totals only), band, typical, change,
 * benchmark distance, then, for a window in order, learns it and moves the episode and the red interval on. A late
 * window (at or before the last judged) is judged by what is known without changing anything. Pure.
 */
public final class SeriesJudge {

  /** What the metric says about judging: its criteria and settings, as the series sees them. */
  public record Settings(String metricId, String series, Criteria criteria, Anomaly anomaly, int periodSeconds,
      Double benchmarkMean, Double benchmarkStddev) {

    public boolean total() {
      return !criteria.bandOnly();
    }
  }

  private SeriesJudge() {
  }

  public static Verdict judge(SeriesState state, Settings settings, Reading reading, Instant windowStart,
      Instant windowEnd) {
    boolean learn = !state.isLate(windowStart);
    Criteria criteria = settings.criteria();
    Double value = Judge.valueToJudge(reading, criteria, state.band != null);
    BandCheck check = null;
    if (value != null && state.band != null) {
      check = learn ? state.band.observe(windowStart, value) : state.band.peek(windowStart, value);
    }
    Typical typical = state.history.typical();
    Double previous = value == null ? null : state.history.previous(windowStart, settings.periodSeconds());
    Change change = previous == null ? null : Change.between(previous, value);
    BenchmarkDistance benchmark = value == null ? null
        : BenchmarkDistance.of(value, settings.benchmarkMean(), settings.benchmarkStddev());
    Judgement judgement = Judge.judge(reading, criteria, check);
    BandRange band = check == null ? null : check.band();
    if (!learn) {
      return new Verdict(judgement, band, typical, change, benchmark, null, null);
    }
    state.lastWindowStart = windowStart;
    if (value != null) {
      state.history.add(windowStart, value);
    }
    Transition transition = state.episode.advance(windowStart, windowEnd, judgement.status(),
        settings.anomaly().triggerWindows(), settings.anomaly().recoveryWindows());
    RedInterval red = settings.total() ? extendRed(state, settings.metricId(), judgement.status(), windowStart,
        windowEnd) : null;
    return new Verdict(judgement, band, typical, change, benchmark, transition, red);
  }

  /** The service clock found the series silent: the stale window moves the episode (it fires at once). */
  public static Transition stale(SeriesState state, Anomaly anomaly, Instant windowStart, Instant windowEnd) {
    return state.episode.advance(windowStart, windowEnd, Status.STALE, anomaly.triggerWindows(),
        anomaly.recoveryWindows());
  }

  // Consecutive red windows are one interval; any other status, or a gap, ends it.
  private static RedInterval extendRed(SeriesState state, String metricId, Status status, Instant windowStart,
      Instant windowEnd) {
    if (status != Status.RED) {
      state.redStart = null;
      state.redEnd = null;
      return null;
    }
    if (state.redStart == null || windowStart.isAfter(state.redEnd)) {
      state.redStart = windowStart;
    }
    state.redEnd = windowEnd;
    return new RedInterval(metricId, state.redStart, state.redEnd);
  }
}
