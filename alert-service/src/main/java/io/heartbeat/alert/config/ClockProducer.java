package io.heartbeat.alert.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;

/** Produces the service's own clock, used for evaluatedAt and the stale check. */
public class ClockProducer {

  @Produces
  @Singleton
  Clock clock(AlertConfig config) {
    double rate = config.clock().rate();
    if (rate == 1.0) {
      return Clock.systemUTC();
    }
    Log.warnf("Service clock runs faster than wall time rate=%s", rate);
    return new ScaledClock(Clock.systemUTC().instant(), rate);
  }
}
