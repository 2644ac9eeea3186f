package io.heartbeat.alert.judge;

/** How far a value lies from the operators' trend benchmark, in benchmark_stddev units (signed). */
public record BenchmarkDistance(double mean, double stddev, double distance) {

  /** Null unless both benchmark figures are set and the stddev is positive. */
  public static BenchmarkDistance of(double value, Double mean, Double stddev) {
    if (mean == null || stddev == null || !(stddev > 0)) {
      return null;
    }
    return new BenchmarkDistance(mean, stddev, (value - mean) / stddev);
  }
}
