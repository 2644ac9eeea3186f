package io.heartbeat.compute.config;

import java.time.Duration;
import java.util.Optional;

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

  /** How many value_sql queries run at the same time (schedule and backfill together). */
  @WithDefault("8")
  int maxConcurrency();

  /** statement_timeout for value_sql when the definition sets none. */
  @WithDefault("10s")
  Duration statementTimeout();

  /** How many windows one metric computes per pass, so a long catch-up does not hold a slot for long. */
  @WithDefault("60")
  int windowsPerPass();

  /**
   * A claimed window not acknowledged by the broker after this long is republished from its stored payload
   * (its instance died or lost Kafka); younger ones are left to the instance that claimed them.
   */
  @WithDefault("30s")
  Duration republishAfter();

  /** Name written to compute.window_run.computed_by; defaults to host name and process id. */
  Optional<String> instanceId();

  /** Backfill of historical windows. */
  Backfill backfill();

  /** History computed when a metric is first seen or its value_sql or period changes (warm start). */
  History history();

  /** Dimension values: how long one is remembered for zero fill, and how many one window may return. */
  Dimensions dimensions();

  /** How much one value_sql statement may return to compute, checked inside PostgreSQL. */
  Result result();

  /** Limits of {@code POST /api/backfill} jobs. */
  interface Backfill {

    /** Windows one instance computes per second for backfills, so history never starves the marts database. */
    @WithDefault("5")
    int windowsPerSecond();

    /** Largest number of windows one request may ask for. */
    @WithDefault("100000")
    int maxWindows();
  }

  /** Limits of the history jobs (compute.history). */
  interface History {

    /** Whether new metrics and value_sql or period changes get a history before their first live window. */
    @WithDefault("true")
    boolean enabled();

    /** Longest history in days, whatever the definition's history_days asks. */
    @WithDefault("35")
    int maxDays();

    /** Most windows one history holds (60,480 = 42 days of 1m). */
    @WithDefault("60480")
    int maxWindows();

    /** statement_timeout of one chunk statement (many windows in one query). */
    @WithDefault("60s")
    Duration statementTimeout();

    /** Windows one chunk statement computes. */
    @WithDefault("1440")
    int chunkWindows();
  }

  /** Result bounds (compute.result); rows are bounded by the dimension cap. */
  interface Result {

    /**
     * Largest row value_sql may return, in bytes as PostgreSQL holds it (pg_column_size of the row): a value, a
     * dimension label and a count take well under a kilobyte. A larger row is the window's error and never sent.
     */
    @WithDefault("8192")
    int maxRowBytes();

    /** Largest result of one history chunk statement; a larger chunk is computed again window by window. */
    @WithDefault("67108864")
    long maxChunkBytes();
  }

  /** Dimension limits and memory. */
  interface Dimensions {

    /** A dimension value seen within this long and missing from a window is published as 0 (filled). */
    @WithDefault("24h")
    Duration memory();

    /** Most dimension values one window may return when the definition sets no dimension_cap. */
    @WithDefault("500")
    int cap();
  }
}
