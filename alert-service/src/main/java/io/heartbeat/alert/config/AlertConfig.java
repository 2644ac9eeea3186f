package io.heartbeat.alert.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of alert-service under the prefix heartbeat.alert. */
@ConfigMapping(prefix = "heartbeat.alert")
public interface AlertConfig {

  Stale stale();

  Clock clock();

  Judgement judgement();

  Sla sla();

  /** The judging of observation batches. */
  interface Judgement {

    /** Series states kept in memory; beyond it the least recently used are read back from PostgreSQL. */
    @WithDefault("200000")
    int cachedSeries();

    /** How often moved series states are written with the offsets they cover (the replay after a crash). */
    @WithDefault("30s")
    Duration checkpointEvery();

    /** A checkpoint runs sooner once this many series states moved. */
    @WithDefault("50000")
    int checkpointDirtySeries();
  }

  /** The SLA ledger. */
  interface Sla {

    /** Availability target per SLA in percent, e.g. heartbeat.alert.sla.targets.core-platform=99.9. */
    Map<String, Double> targets();

    /** Target of an SLA without its own. */
    @WithDefault("99.9")
    double defaultTarget();
  }

  /** The stale check: a heartbeat that stops beating. */
  interface Stale {

    /** How often the scheduled check runs, e.g. 30s, or off (the @Scheduled expression reads the same key). */
    @WithDefault("30s")
    String checkEvery();

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
