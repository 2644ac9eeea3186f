package io.heartbeat.cockpit.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the cockpit read model (prefix cockpit). */
@ConfigMapping(prefix = "cockpit")
public interface CockpitConfig {

  /** The sparkline series. */
  Series series();

  /** How long metric-level points are kept and how often older ones are pruned. */
  interface Series {

    /** Points whose window started longer ago than this are pruned and no longer served. */
    @WithDefault("48h")
    Duration retention();

    /** How often the prune runs (a scheduler interval such as 10m). */
    @WithDefault("10m")
    String pruneEvery();
  }
}
