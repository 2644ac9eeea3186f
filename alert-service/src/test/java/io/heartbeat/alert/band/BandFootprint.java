package io.heartbeat.alert.band;

import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a band costs in the live service: heap per series (its arrays are allocated whole at the start, so a band
 * never grows), the size of its saved state, and observe() calls per second over 10,000 series x 100 windows.
 */
record BandFootprint(double heapKibPerSeries, int stateBytes, double observationsPerSecond) {

  static final int SERIES = 10_000;
  static final int WINDOWS = 100;

  static BandFootprint measure() {
    Runtime runtime = Runtime.getRuntime();
    settle();
    long before = runtime.totalMemory() - runtime.freeMemory();
    AnomalyBand[] bands = new AnomalyBand[SERIES];
    for (int s = 0; s < SERIES; s++) {
      bands[s] = AnomalyBand.start(BandSettings.of(60, 3, 10));
    }
    settle();
    long after = runtime.totalMemory() - runtime.freeMemory();
    SplittableRandom random = new SplittableRandom(1);
    Instant start = Instant.parse("2026-01-05T00:00:00Z");
    long began = System.nanoTime();
    double sink = 0;
    for (int w = 0; w < WINDOWS; w++) {
      Instant at = start.plusSeconds(60L * w);
      for (AnomalyBand band : bands) {
        sink += band.observe(at, 100 + 10 * random.nextDouble()).deviation();
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    int bytes = bands[0].snapshot().toBytes().length + (sink == 42 ? 1 : 0);
    return new BandFootprint((after - before) / 1024.0 / SERIES, bytes, SERIES * WINDOWS / seconds);
  }

  private static void settle() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
  }

  void print() {
    System.out.printf(Locale.ROOT, "%nfootprint: %.1f KiB heap per series (%.0f MiB for %d), %d bytes of saved state,"
        + " %.0f observe() calls/s over %d series x %d windows%n", heapKibPerSeries, heapKibPerSeries * SERIES / 1024,
        SERIES, stateBytes, observationsPerSecond, SERIES, WINDOWS);
  }
}
