package io.heartbeat.compute.backfill;

import java.time.Duration;
import java.time.Instant;

import io.heartbeat.compute.schedule.WindowClock;

/**
 * The windows a backfill computes: those of the metric's period lying inside [from, to), and only before
 * {@code scheduleStart}, the first window the live schedule will compute itself; so the schedule's cursor never
 * moves past a window it has not computed. Pure, so its edges are a table test.
 */
public record BackfillRange(Instant start, Instant end, int total) {

  public static BackfillRange of(Instant from, Instant to, Duration period, Instant scheduleStart) {
    Instant start = WindowClock.ceil(from, period);
    Instant limit = to.isBefore(scheduleStart) ? to : scheduleStart;
    Instant end = WindowClock.floor(limit, period);
    if (!end.isAfter(start)) {
      return new BackfillRange(start, start, 0);
    }
    long windows = Duration.between(start, end).getSeconds() / period.getSeconds();
    return new BackfillRange(start, end, (int) Math.min(Integer.MAX_VALUE, windows));
  }
}
