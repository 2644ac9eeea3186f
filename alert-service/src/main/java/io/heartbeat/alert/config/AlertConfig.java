package io.heartbeat.alert.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of alert-service under the prefix heartbeat.alert. */
@ConfigMapping(prefix = "heartbeat.alert")
public interface AlertConfig {

  Stale stale();

  Clock clock();

  /** The stale check: a heartbeat that stops beating. */
  interface Stale {

    /** How often the scheduled check runs (the @Scheduled expression reads the same key). */
    @WithDefault("30s")
    Duration checkEvery();

    /** How many periods without an observation make a metric stale. */
    @WithDefault("2")
    int missedPeriods();
  }

  /** The service's own clock. */
  interface Clock {

    /** How many seconds of service time pass per wall-clock second: 1 in production, faster in tests. */
    @WithDefault("1")
    double rate();
  }
}
