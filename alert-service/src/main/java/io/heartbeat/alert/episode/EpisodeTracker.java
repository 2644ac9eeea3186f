package io.heartbeat.alert.episode;

import java.time.Duration;
import java.time.Instant;

import io.heartbeat.alert.judge.Status;
import io.heartbeat.alert.model.EventId;

/**
 * The alert episode of one series, window by window: idle → pending (bad, not yet for the trigger) → firing →
 * resolved (good for the recovery window) → idle. Bad is error, stale, red, amber or anomalous: a broken value_sql
 * pages its owner and a stopped heartbeat is the most urgent page. An episode fires once trigger of the last within
 * windows were bad, so a flapping series (red, green, red, green, red) fires too; anomalous and stale carry their own
 * trigger (the detector's breach rule, two missed periods) and fire at once. Flap protection: a pending episode whose
 * last within windows hold no bad one is dropped without a word, and a firing one needs recovery consecutive good
 * windows; a bad window in between keeps the same episode (same dedup key). Unknown windows change nothing. Pure.
 */
public final class EpisodeTracker {

  /** Where the series is in its episode. */
  public enum Phase {
    IDLE,
    PENDING,
    FIRING
  }

  /**
   * Everything the tracker remembers, for the series state kept in PostgreSQL; recent holds the last windows, newest
   * in bit 0, a set bit for a bad one.
   */
  public record Snapshot(Phase phase, Instant start, Status status, Status peak, int badWindows, int goodWindows,
      int recent) {
  }

  private Phase phase = Phase.IDLE;
  private Instant start;
  private Status status;
  private Status peak;
  private int badWindows;
  private int goodWindows;
  private int recent;

  public static EpisodeTracker restore(Snapshot snapshot) {
    EpisodeTracker tracker = new EpisodeTracker();
    if (snapshot != null) {
      tracker.phase = snapshot.phase();
      tracker.start = snapshot.start();
      tracker.status = snapshot.status();
      tracker.peak = snapshot.peak();
      tracker.badWindows = snapshot.badWindows();
      tracker.goodWindows = snapshot.goodWindows();
      tracker.recent = snapshot.recent();
    }
    return tracker;
  }

  public Snapshot snapshot() {
    return new Snapshot(phase, start, status, peak, badWindows, goodWindows, recent);
  }

  public Phase phase() {
    return phase;
  }

  /** True while the episode fires: its windows must not teach the band what normal is. */
  public boolean firing() {
    return phase == Phase.FIRING;
  }

  /** The first bad window of the current (pending or firing) episode, null when idle. */
  public Instant start() {
    return start;
  }

  /** The episode's worst status so far, null when idle. */
  public Status peak() {
    return peak;
  }

  /** sha256(metricId|series|episode start): the episode's stable key, PagerDuty's and incident.io's dedup key. */
  public static String dedupKey(String metricId, String series, Instant start) {
    return EventId.of(metricId, series, start.toString());
  }

  /** Consecutive bad windows fire (trigger of trigger). */
  public Transition advance(Instant windowStart, Instant windowEnd, Status verdict, int trigger, int recovery) {
    return advance(windowStart, windowEnd, verdict, trigger, trigger, recovery);
  }

  /** Feeds the status of the next window; returns the step to publish, or null. */
  public Transition advance(Instant windowStart, Instant windowEnd, Status verdict, int trigger, int within,
      int recovery) {
    if (verdict == Status.UNKNOWN || verdict == null) {
      return null;
    }
    int n = Math.max(trigger, Math.min(within, 30));
    recent = ((recent << 1) | (isBad(verdict) ? 1 : 0)) & ((1 << n) - 1);
    if (isBad(verdict)) {
      return bad(windowStart, windowEnd, verdict, trigger);
    }
    return good(windowStart, windowEnd, recovery);
  }

  /**
   * Ends a firing episode for a reason outside the windows (the metric was removed or retired, its period or
   * direction changed): the resolved step to publish, or null when nothing fired. A pending one is dropped.
   */
  public Transition close(Instant windowStart, Instant windowEnd, String reason) {
    Transition resolved = phase == Phase.FIRING
        ? new Transition(AlertType.RESOLVED, start, Status.UNKNOWN, peak, windowStart, windowEnd, reason) : null;
    reset();
    return resolved;
  }

  private Transition bad(Instant windowStart, Instant windowEnd, Status verdict, int trigger) {
    switch (phase) {
      case IDLE -> {
        phase = Phase.PENDING;
        start = windowStart;
        status = verdict;
        peak = verdict;
        badWindows = 1;
        goodWindows = 0;
        return maybeFire(windowStart, windowEnd, trigger);
      }
      case PENDING -> {
        badWindows = Integer.bitCount(recent);
        start = oldestBad(windowStart, windowEnd);
        status = verdict;
        peak = worse(peak, verdict);
        return maybeFire(windowStart, windowEnd, trigger);
      }
      default -> {
        badWindows++;
        goodWindows = 0;
        status = verdict;
        if (verdict.ordinal() < peak.ordinal()) {
          Status before = peak;
          peak = verdict;
          return new Transition(AlertType.ESCALATED, start, verdict, before, windowStart, windowEnd,
              "escalated from " + before.wire() + " to " + verdict.wire());
        }
        return null;
      }
    }
  }

  // Anomalous already met the detector's trigger and stale already waited two periods.
  private Transition maybeFire(Instant windowStart, Instant windowEnd, int trigger) {
    boolean confirmed = status == Status.ANOMALOUS || status == Status.STALE;
    if (badWindows < trigger && !confirmed) {
      return null;
    }
    phase = Phase.FIRING;
    String reason = confirmed && badWindows < trigger ? status.wire() + " (its own trigger already met)"
        : peak.wire() + " in " + badWindows + " windows (trigger " + trigger + ")";
    return new Transition(AlertType.FIRING, start, peak, null, windowStart, windowEnd, reason);
  }

  private Transition good(Instant windowStart, Instant windowEnd, int recovery) {
    if (phase == Phase.PENDING) {
      if (recent == 0) {
        reset();
      } else {
        start = oldestBad(windowStart, windowEnd);
        badWindows = Integer.bitCount(recent);
      }
      return null;
    }
    if (phase != Phase.FIRING) {
      return null;
    }
    goodWindows++;
    if (goodWindows < recovery) {
      return null;
    }
    Transition resolved = new Transition(AlertType.RESOLVED, start, Status.GREEN, peak, windowStart, windowEnd,
        "green for " + goodWindows + " windows (recovery " + recovery + ")");
    reset();
    return resolved;
  }

  // A pending episode starts at the oldest bad window still among the last within windows.
  private Instant oldestBad(Instant windowStart, Instant windowEnd) {
    int back = 31 - Integer.numberOfLeadingZeros(recent);
    return windowStart.minus(Duration.between(windowStart, windowEnd).multipliedBy(back));
  }

  private void reset() {
    phase = Phase.IDLE;
    start = null;
    status = null;
    peak = null;
    badWindows = 0;
    goodWindows = 0;
    recent = 0;
  }

  static boolean isBad(Status status) {
    return status == Status.ERROR || status == Status.STALE || status == Status.RED || status == Status.AMBER
        || status == Status.ANOMALOUS;
  }

  private static Status worse(Status a, Status b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }
}
