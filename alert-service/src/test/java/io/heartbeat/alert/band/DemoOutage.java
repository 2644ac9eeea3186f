package io.heartbeat.alert.band;

import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A three-hour outage (value 0) on the Tuesday afternoon of the second judged week, against a twin run with the same
 * values and no outage: pages outside the outage, and the band a week later at the same hour (drag = with / without).
 */
record DemoOutage(int falsePages, int outagePages, double drag, double minDrag) {

  static final int OUTAGE_START = 2 * DemoBenchmark.WEEK + 24 * 60 + 14 * 60;
  static final int OUTAGE_MINUTES = 180;

  static DemoOutage measure(int seeds) {
    int falsePages = 0;
    int outagePages = 0;
    double dragSum = 0;
    double minDrag = Double.MAX_VALUE;
    int measured = 0;
    for (int seed = 1; seed <= seeds; seed++) {
      for (DemoSeries metric : DemoSeries.METRICS) {
        if (metric.ratio()) {
          continue;
        }
        AnomalyBand with = AnomalyBand.start(BandSettings.of(60, 3.0, 1440));
        AnomalyBand without = AnomalyBand.start(BandSettings.of(60, 3.0, 1440));
        BreachTracker tracker = new BreachTracker(DemoBenchmark.TRIGGER, DemoBenchmark.RECOVERY, metric.badSide());
        Breach breach = Breach.CLEAR;
        SplittableRandom random = new SplittableRandom(seed * 31L + metric.metric().hashCode());
        int probe = OUTAGE_START + DemoBenchmark.WEEK + OUTAGE_MINUTES / 2;
        for (int minute = 0; minute < (DemoBenchmark.JUDGED_WEEKS + 1) * DemoBenchmark.WEEK; minute++) {
          Instant at = DemoBenchmark.START.plusSeconds(60L * minute);
          double value = metric.value(at, 1.0, random);
          boolean down = minute >= OUTAGE_START && minute < OUTAGE_START + OUTAGE_MINUTES;
          if (minute == probe) {
            double a = with.expect(at).orElseThrow().expected();
            double b = without.expect(at).orElseThrow().expected();
            dragSum += a / b;
            minDrag = Math.min(minDrag, a / b);
            measured++;
          }
          breach = tracker.step(breach, with.observe(at, down ? 0 : value).position().orElse(null));
          without.learn(at, value);
          if (breach.fired()) {
            if (down) {
              outagePages++;
            } else if (minute >= DemoBenchmark.WEEK) {
              falsePages++;
            }
          }
        }
      }
    }
    return new DemoOutage(falsePages, outagePages, dragSum / measured, minDrag);
  }

  void print() {
    System.out.printf(Locale.ROOT, "%nthree-hour outage in judged week 2: %d pages during it, %d outside it; band a"
        + " week later at the same hour vs a run without the outage: mean %.3f, lowest %.3f%n", outagePages,
        falsePages, drag, minDrag);
  }
}
