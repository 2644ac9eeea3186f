package io.heartbeat.alert.judge;

/** The change versus the previous period's value; percent is null when the previous value was 0. */
public record Change(double previous, double absolute, Double percent) {

  public static Change between(double previous, double value) {
    double absolute = value - previous;
    return new Change(previous, absolute, previous == 0 ? null : absolute / Math.abs(previous) * 100);
  }
}
