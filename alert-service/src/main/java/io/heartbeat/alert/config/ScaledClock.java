package io.heartbeat.alert.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that starts at the wall time and runs rate times faster, so tests see periods pass in seconds. */
final class ScaledClock extends Clock {

  private final Instant origin;
  private final long originNanos;
  private final double rate;

  ScaledClock(Instant origin, double rate) {
    this.origin = origin;
    this.originNanos = System.nanoTime();
    this.rate = rate;
  }

  @Override
  public Instant instant() {
    long elapsed = System.nanoTime() - originNanos;
    return origin.plusNanos((long) (elapsed * rate));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the service clock is UTC only");
  }
}
