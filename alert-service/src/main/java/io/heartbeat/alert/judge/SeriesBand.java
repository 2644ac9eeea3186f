package io.heartbeat.alert.judge;

import java.time.Instant;

/**
 * The anomaly band of one series as the judgement uses it: the band expected for a window (from history before
 * the value), whether the value breaches it on the bad side and for how long. Implemented over package band
 * (AnomalyBand and BreachTracker) by service.SeriesBands.
 */
public interface SeriesBand {

  /** Checks value against the band for windowStart, then learns it; windows arrive in order. */
  BandCheck observe(Instant windowStart, double value);

  /** Checks value without learning it: a late window must not change the band or the breach count. */
  BandCheck peek(Instant windowStart, double value);
}
