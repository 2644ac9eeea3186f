package io.heartbeat.alert.episode;

import java.time.Instant;

import io.heartbeat.alert.judge.Status;
import io.heartbeat.alert.model.EventId;

/**
 * The alert episode of one series, window by window: idle → pending (bad, not yet for the trigger window) → firing
 * → resolved (good for the recovery window) → idle. Flap protection: a pending episode that turns good is dropped
 * without a word, and a firing one needs recovery consecutive good windows; a bad window in between keeps the same
 * episode (same dedup key). Error and unknown windows say nothing and change nothing. Pure.
 */
public final class EpisodeTracker {

  /** Where the series is in its episode. */
  public enum Phase {
    IDLE,
    PENDING,
    FIRING
  }

  /** Everything the tracker remembers, for the series state kept in PostgreSQL. */
  public record Snapshot(Phase phase, Instant start, Status status, Status peak, int badWindows, int goodWindows) {
  }

  private Phase phase = Phase.IDLE;
  private Instant start;
  private Status status;
  private Status peak;
  private int badWindows;
  private int goodWindows;

  public static EpisodeTracker restore(Snapshot snapshot) {
    EpisodeTracker tracker = new EpisodeTracker();
    if (snapshot != null) {
      tracker.phase = snapshot.phase();
      tracker.start = snapshot.start();
      tracker.status = snapshot.status();
      tracker.peak = snapshot.peak();
      tracker.badWindows = snapshot.badWindows();
      tracker.goodWindows = snapshot.goodWindows();
    }
    return tracker;
  }

  public Snapshot snapshot() {
    return new Snapshot(phase, start, status, peak, badWindows, goodWindows);
  }

  public Phase phase() {
    return phase;
  }

  /** The first bad window of the current (pending or firing) episode, null when idle. */
  public Instant start() {
    return start;
  }

  /** sha256(metricId|series|episode start): the episode's stable key, PagerDuty's and incident.io's dedup key. */
  public static String dedupKey(String metricId, String series, Instant start) {
    return EventId.of(metricId, series, start.toString());
  }

  /** Feeds the status of the next window; returns the step to publish, or null. */
  public Transition advance(Instant windowStart, Instant windowEnd, Status verdict, int trigger, int recovery) {
    if (isBad(verdict)) {
      return bad(windowStart, windowEnd, verdict, trigger);
    }
    if (verdict == Status.GREEN) {
      return good(windowStart, windowEnd, recovery);
    }
    return null;
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
        badWindows++;
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

  // Anomalous already lasted the trigger window (the band counts it) and stale already waited two periods.
  private Transition maybeFire(Instant windowStart, Instant windowEnd, int trigger) {
    boolean confirmed = status == Status.ANOMALOUS || status == Status.STALE;
    if (badWindows < trigger && !confirmed) {
      return null;
    }
    phase = Phase.FIRING;
    String reason = confirmed && badWindows < trigger ? status.wire() + " (its own trigger already met)"
        : peak.wire() + " for " + badWindows + " windows (trigger " + trigger + ")";
    return new Transition(AlertType.FIRING, start, peak, null, windowStart, windowEnd, reason);
  }

  private Transition good(Instant windowStart, Instant windowEnd, int recovery) {
    if (phase == Phase.PENDING) {
      reset();
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

  private void reset() {
    phase = Phase.IDLE;
    start = null;
    status = null;
    peak = null;
    badWindows = 0;
    goodWindows = 0;
  }

  static boolean isBad(Status status) {
    return status == Status.STALE || status == Status.RED || status == Status.AMBER || status == Status.ANOMALOUS;
  }

  private static Status worse(Status a, Status b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }
}
