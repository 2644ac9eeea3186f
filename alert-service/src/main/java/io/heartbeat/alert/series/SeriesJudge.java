package io.heartbeat.alert.series;

import java.time.Instant;

import io.heartbeat.alert.band.BreachPhase;
import io.heartbeat.alert.band.Detection;
import io.heartbeat.alert.band.Detector;
import io.heartbeat.alert.episode.EpisodeTracker;
import io.heartbeat.alert.episode.Transition;
import io.heartbeat.alert.judge.Anomaly;
import io.heartbeat.alert.judge.BandCheck;
import io.heartbeat.alert.judge.BandRange;
import io.heartbeat.alert.judge.BenchmarkDistance;
import io.heartbeat.alert.judge.Change;
import io.heartbeat.alert.judge.Criteria;
import io.heartbeat.alert.judge.Judge;
import io.heartbeat.alert.judge.Judgement;
import io.heartbeat.alert.judge.Reading;
import io.heartbeat.alert.judge.Status;
import io.heartbeat.alert.judge.Typical;
import io.heartbeat.alert.lifecycle.Stage;
import io.heartbeat.alert.sla.Downtime;

/**
 * Judges one window of one series against its state: thresholds (metric totals only), detector, typical, change,
 * benchmark distance, then, for a window in order, learns it and moves the episode and the downtime interval on. A
 * history window (computed when the metric was first seen) is learned the same way but moves no episode and no
 * downtime. A late window (at or before the last judged) is judged by what is known without changing anything. The
 * metric's lifecycle stage decides whether a live window moves an episode and the downtime interval at all. Pure.
 */
public final class SeriesJudge {

  /** What the metric says about judging: its criteria, settings and lifecycle stage, as the series sees them. */
  public record Settings(String metricId, String series, Criteria criteria, Anomaly anomaly, int periodSeconds,
      Double benchmarkMean, Double benchmarkStddev, Stage stage) {

    public boolean total() {
      return !criteria.bandOnly();
    }
  }

  /** Whether a window is live (judged, episodes, SLA) or history (learned only). */
  public enum Mode {
    LIVE,
    HISTORY
  }

  private SeriesJudge() {
  }

  public static Verdict judge(SeriesState state, Settings settings, Reading reading, Instant windowStart,
      Instant windowEnd) {
    return judge(state, settings, reading, windowStart, windowEnd, Mode.LIVE);
  }

  public static Verdict judge(SeriesState state, Settings settings, Reading reading, Instant windowStart,
      Instant windowEnd, Mode mode) {
    boolean learn = !state.isLate(windowStart);
    Criteria criteria = settings.criteria();
    Detector detector = state.detector;
    Double value = Judge.valueToJudge(reading, criteria, detector != null);
    BandCheck check = null;
    if (value != null && detector != null) {
      // Inside an open episode the value is judged but not learned: a repeat incident is not hidden by the first.
      Detection detection = learn ? detector.observe(windowStart, value, state.episode.firing())
          : detector.peek(windowStart, value);
      check = check(detection);
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
    state.staleWindow = null;
    if (value != null) {
      state.history.add(windowStart, value);
    }
    if (mode == Mode.HISTORY) {
      return new Verdict(judgement, band, typical, change, benchmark, null, null);
    }
    Anomaly anomaly = settings.anomaly();
    Stage stage = settings.stage();
    Transition transition = stage.opensEpisodes()
        ? state.episode.advance(windowStart, windowEnd, judgement.status(), anomaly.triggerWindows(),
            anomaly.within(), anomaly.recoveryWindows())
        : endEpisode(state, stage, windowStart, windowEnd);
    Downtime downtime = null;
    if (settings.total() && stage.countsDowntime()) {
      downtime = extendDowntime(state, settings.metricId(), judgement.status(), windowStart, windowEnd);
    } else {
      endDowntime(state);
    }
    return new Verdict(judgement, band, typical, change, benchmark, transition, downtime);
  }

  /**
   * In a stage without episodes the tracker stays idle. The move into the stage resolved a firing episode already
   * (DefinitionService); this ends what that could not see: a pending run, or an episode left open from before the
   * stage was enforced, so a later move back to an alerting stage starts from a clean slate.
   */
  private static Transition endEpisode(SeriesState state, Stage stage, Instant windowStart, Instant windowEnd) {
    if (state.episode.phase() == EpisodeTracker.Phase.IDLE) {
      return null;
    }
    return state.episode.close(windowStart, windowEnd, "stage " + stage.wire() + " opens no episodes");
  }

  /**
   * The window clock found the series silent for two periods: the stale window moves the episode (it fires at once)
   * and the silence counts as downtime up to until, extended on each later check of the same silence.
   */
  public static Transition stale(SeriesState state, Anomaly anomaly, Stage stage, Instant windowStart,
      Instant windowEnd) {
    if (!stage.opensEpisodes()) {
      return endEpisode(state, stage, windowStart, windowEnd);
    }
    return state.episode.advance(windowStart, windowEnd, Status.STALE, anomaly.triggerWindows(), anomaly.within(),
        anomaly.recoveryWindows());
  }

  /** The silence from silenceStart as downtime up to until (metric totals); null when the stage counts none. */
  public static Downtime staleDowntime(SeriesState state, String metricId, Stage stage, Instant silenceStart,
      Instant until) {
    if (!stage.countsDowntime()) {
      endDowntime(state);
      return null;
    }
    if (state.downStart == null || !Downtime.Kind.DOWN.wire().equals(state.downKind)
        || silenceStart.isAfter(state.downEnd)) {
      state.downStart = silenceStart;
      state.downKind = Downtime.Kind.DOWN.wire();
    }
    state.downEnd = until.isAfter(silenceStart) ? until : silenceStart;
    return new Downtime(metricId, state.downStart, state.downEnd, Downtime.Kind.DOWN);
  }

  /**
   * Closes a series' episode for a reason outside its windows (metric removed or retired, period or direction
   * changed): the resolved step to publish, or null when nothing was firing.
   */
  public static Transition close(SeriesState state, Instant at, String reason) {
    return state.episode.close(at, at, reason);
  }

  private static BandCheck check(Detection d) {
    if (!d.ready()) {
      return BandCheck.warmingUp(d.learnedWindows(), d.minHistoryWindows());
    }
    return new BandCheck(new BandRange(d.band().expected(), d.band().lower(), d.band().upper()), d.breach().badRun(),
        // Anomalous while the breach fires; back inside the band (recovering) is not: the episode's own recovery
        // window decides when the alert resolves, so recovery is not counted twice.
        d.tracker().triggerWindows(), d.tracker().triggerWithinWindows(),
        d.breach().phase() == BreachPhase.FIRING, d.learnedWindows(),
        d.minHistoryWindows(), d.belowFloor(), d.floor(), d.adoptedShift());
  }

  // Consecutive red (down) or error (unmeasured) windows are one interval; any other status, or a gap, ends it.
  private static Downtime extendDowntime(SeriesState state, String metricId, Status status, Instant windowStart,
      Instant windowEnd) {
    Downtime.Kind kind = status == Status.RED ? Downtime.Kind.DOWN
        : status == Status.ERROR ? Downtime.Kind.UNMEASURED : null;
    if (kind == null) {
      endDowntime(state);
      return null;
    }
    if (state.downStart == null || windowStart.isAfter(state.downEnd) || !kind.wire().equals(state.downKind)) {
      state.downStart = windowStart;
      state.downKind = kind.wire();
    }
    state.downEnd = windowEnd;
    return new Downtime(metricId, state.downStart, state.downEnd, kind);
  }

  private static void endDowntime(SeriesState state) {
    state.downStart = null;
    state.downEnd = null;
    state.downKind = null;
  }
}
