package io.heartbeat.compute.history;

import java.time.Duration;
import java.time.Instant;

import io.heartbeat.compute.model.MetricDefinition;
import io.heartbeat.compute.schedule.WindowClock;

/**
 * The windows a history searches, [start, end): it ends where the live schedule starts under the version and reaches
 * back as far as the definition's history_days, else as far as the anomaly band needs, always within the configured
 * caps. Pure, so its edges are a table test.
 */
public record HistoryRange(Instant start, Instant end) {

  private static final Duration DAY = Duration.ofDays(1);

  /** Where a new metric's live windows start: the window closed last when it was first seen (WindowPlan). */
  public static Instant endForNewMetric(Instant activeSince, Duration period) {
    return WindowClock.lastClosed(activeSince, period).start();
  }

  /** Where a changed definition's live windows start: its first window at or after effective_from. */
  public static Instant endForChange(Instant effectiveFrom, Duration period) {
    return WindowClock.ceil(effectiveFrom, period);
  }

  public static HistoryRange of(MetricDefinition definition, Instant end, int maxDays, int maxWindows) {
    Duration period = definition.length();
    long windows = Math.min(lookback(definition, maxDays).getSeconds() / period.getSeconds(), maxWindows);
    return new HistoryRange(end.minus(period.multipliedBy(Math.max(0, windows))), end);
  }

  /**
   * history_days when set; else what the band needs: 35 days (five weeks of weekday and hour seasonality) up to 1h
   * periods, 14 days up to 6h, else 60 windows. Never more than {@code maxDays}.
   */
  static Duration lookback(MetricDefinition definition, int maxDays) {
    Duration period = definition.length();
    Duration wanted;
    if (definition.historyDays() != null && definition.historyDays() > 0) {
      wanted = DAY.multipliedBy(definition.historyDays());
    } else if (period.compareTo(Duration.ofHours(1)) <= 0) {
      wanted = DAY.multipliedBy(35);
    } else if (period.compareTo(Duration.ofHours(6)) <= 0) {
      wanted = DAY.multipliedBy(14);
    } else {
      wanted = period.multipliedBy(60);
    }
    Duration cap = DAY.multipliedBy(Math.max(0, maxDays));
    return wanted.compareTo(cap) > 0 ? cap : wanted;
  }

  public int windows(Duration period) {
    return (int) (Duration.between(start, end).getSeconds() / period.getSeconds());
  }
}
