package io.heartbeat.alert.judge;

import java.time.Duration;
import java.time.Instant;

/** Decides whether a heartbeat stopped beating: no observation arrived for a number of periods. */
public final class Staleness {

  private Staleness() {
  }

  /** Stale once strictly more than missedPeriods periods passed since the last observation arrived. */
  public static boolean isStale(Instant lastObservedAt, Instant now, long periodSeconds, int missedPeriods) {
    Duration silence = Duration.between(lastObservedAt, now);
    return silence.compareTo(Duration.ofSeconds(periodSeconds * missedPeriods)) > 0;
  }

  /** The verdict for a stale metric; expectedWindowStart is the first window that never arrived. */
  public static Judgement stale(Instant lastObservedAt, Instant expectedWindowStart, int missedPeriods) {
    String rule = "no observation for " + missedPeriods + " periods: last arrived " + lastObservedAt
        + ", window from " + expectedWindowStart + " missing: stale";
    return new Judgement(Status.STALE, null, rule);
  }
}
