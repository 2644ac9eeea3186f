package io.heartbeat.compute.schedule;

import java.time.Duration;
import java.time.Instant;

/** Aligns windows to UTC boundaries of their period; pure, so the schedule and its tests share it. */
public final class WindowClock {

  private static final long DAY_SECONDS = 86_400;

  private WindowClock() {
  }

  /** Periods must divide a day, so every day starts a window at 00:00 UTC (the epoch is midnight UTC). */
  public static boolean supports(Duration period) {
    long seconds = period.getSeconds();
    return seconds > 0 && period.getNano() == 0 && DAY_SECONDS % seconds == 0;
  }

  /** Start of the window containing {@code t}. */
  public static Instant floor(Instant t, Duration period) {
    long seconds = checked(period);
    return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
  }

  /** {@code t} itself when it is a boundary, else the next boundary. */
  public static Instant ceil(Instant t, Duration period) {
    Instant floor = floor(t, period);
    return floor.equals(t) ? floor : floor.plus(period);
  }

  /** The most recent window whose end is at or before {@code now}. */
  public static Window lastClosed(Instant now, Duration period) {
    Instant end = floor(now, period);
    return new Window(end.minus(period), end);
  }

  /** Start of the window after the one open at {@code t}. */
  public static Instant nextBoundary(Instant t, Duration period) {
    return floor(t, period).plus(period);
  }

  /** A window is due once it closed and the settle delay for late rows has passed. */
  public static boolean isDue(Window window, Instant now, Duration settleDelay) {
    return !now.isBefore(window.end().plus(settleDelay));
  }

  private static long checked(Duration period) {
    if (!supports(period)) {
      throw new IllegalArgumentException("period must divide a day: " + period);
    }
    return period.getSeconds();
  }
}
