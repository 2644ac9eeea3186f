package io.heartbeat.alert.judge;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether a heartbeat stopped beating, by the window clock: the newest window judged ended more than a
 * number of periods ago. Arrival time is no measure: a backlog read after a restart arrives late and is not a
 * silence, while windows that stopped are one however recently anything else arrived.
 */
public final class Staleness {

  private Staleness() {
  }

  /** Stale once strictly more than missedPeriods periods passed since the end of the newest window judged. */
  public static boolean isStale(Instant lastWindowEnd, Instant now, long periodSeconds, int missedPeriods) {
    Duration silence = Duration.between(lastWindowEnd, now);
    return silence.compareTo(Duration.ofSeconds(periodSeconds * missedPeriods)) > 0;
  }

  /** The verdict for a stale metric; expectedWindowStart is the first window that never arrived. */
  public static Judgement stale(Instant lastObservedAt, Instant expectedWindowStart, int missedPeriods) {
    String rule = "no observation for " + missedPeriods + " periods by the window clock: window from "
        + expectedWindowStart + " missing (last observation arrived " + lastObservedAt + "): stale";
    return new Judgement(Status.STALE, null, rule);
  }
}
