package io.heartbeat.compute.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Scheduling and execution limits of compute-service (prefix {@code compute}). */
@ConfigMapping(prefix = "compute")
public interface ComputeConfig {

  /** How often the schedule looks for due windows; read by {@code @Scheduled} as {@code ${compute.tick}}. */
  @WithDefault("5s")
  String tick();

  /** Wait after a window closes before computing it, so late rows land in the marts first. */
  @WithDefault("10s")
  Duration settleDelay();

  /** How far back a restart catches up missed windows; older ones are skipped. */
  @WithDefault("24h")
  Duration maxLookback();

  /** How many metrics compute at the same time. */
  @WithDefault("8")
  int maxConcurrency();

  /** statement_timeout for value_sql when the definition sets none. */
  @WithDefault("10s")
  Duration statementTimeout();

  /** How many windows one metric computes per pass, so a long catch-up does not hold a slot for long. */
  @WithDefault("60")
  int windowsPerPass();
}
