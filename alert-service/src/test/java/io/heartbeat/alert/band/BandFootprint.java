package io.heartbeat.alert.band;

import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a detector costs in the live service (the shipped one for a 1m heartbeat: the band, the hourly band, the
 * rules and episode rates): heap per series (its arrays are allocated whole at the start, so it never grows), the
 * size of its saved state, and observe() calls per second over 10,000 series x 100 windows.
 */
record BandFootprint(double heapKibPerSeries, int stateBytes, double observationsPerSecond) {

  static final int SERIES = 10_000;
  static final int WINDOWS = 100;

  static BandFootprint measure() {
    Runtime runtime = Runtime.getRuntime();
    settle();
    long before = runtime.totalMemory() - runtime.freeMemory();
    Detector[] bands = new Detector[SERIES];
    DetectorSettings defaults = DetectorSettings.defaults(60, BadSide.LOW);
    DetectorSettings settings = new DetectorSettings(60, BadSide.LOW, defaults.sensitivity(), 10,
        defaults.triggerWindows(), defaults.triggerWithinWindows(), defaults.recoveryWindows(),
        defaults.minChangePercent(), defaults.minChangeAbsolute());
    for (int s = 0; s < SERIES; s++) {
      bands[s] = Detector.start(settings);
    }
    settle();
    long after = runtime.totalMemory() - runtime.freeMemory();
    SplittableRandom random = new SplittableRandom(1);
    Instant start = Instant.parse("2026-01-05T00:00:00Z");
    long began = System.nanoTime();
    double sink = 0;
    for (int w = 0; w < WINDOWS; w++) {
      Instant at = start.plusSeconds(60L * w);
      for (Detector band : bands) {
        sink += band.observe(at, 100 + 10 * random.nextDouble(), false).deviation();
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    int bytes = bands[0].save().length + (sink == 42 ? 1 : 0);
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
