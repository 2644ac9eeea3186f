package io.heartbeat.alert.bench;

import java.util.Arrays;
import java.util.Locale;

/** p50, p99 and max of a set of latencies, in milliseconds (nearest rank: p99 of 1,000 is the 990th). */
record Percentiles(int count, double p50, double p99, double max) {

  static Percentiles ofNanos(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Percentiles(sorted.length, rank(sorted, 0.50) / 1e6, rank(sorted, 0.99) / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  static Percentiles ofMillis(long[] millis) {
    return ofNanos(Arrays.stream(millis).map(ms -> ms * 1_000_000).toArray());
  }

  private static long rank(long[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
  }

  String describe() {
    return String.format(Locale.ROOT, "n=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f", count, p50, p99, max);
  }
}
