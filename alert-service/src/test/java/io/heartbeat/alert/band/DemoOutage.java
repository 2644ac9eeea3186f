package io.heartbeat.alert.band;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Incidents on each demo heartbeat through the shipped detector (defaults, BadSide LOW), seeds x 7 heartbeats:
 * <ul>
 *   <li>a three-hour outage (value 0) on the Tuesday afternoon of the second judged week, against a twin run with
 *       the same values and no outage: pages outside the outage, and the band a week later at the same hour
 *       (drag = with / without);</li>
 *   <li>a twelve-hour outage from Wednesday 08:00 of the second week: it must fire and stay anomalous to its end
 *       (never adopted as the new level);</li>
 *   <li>a +30 % lasting shift (the harmless side of a heartbeat) from Thursday 10:00 of the second week: the hours
 *       until the band adopts it (Detection.adoptedShift != 0), whether it is still anomalous a day later, and its
 *       pages.</li>
 * </ul>
 */
record DemoOutage(int falsePages, int outagePages, double drag, double minDrag, int long12Trials,
    int long12StayedBad, int long12Fired, int shiftTrials, int shiftAdopted, double shiftHoursMax,
    double shiftHoursMedian, int shiftStillAnomalous, int shiftPages) {

  static final int OUTAGE_START = 2 * DemoBenchmark.WEEK + 24 * 60 + 14 * 60;
  static final int OUTAGE_MINUTES = 180;
  static final int LONG_START = 2 * DemoBenchmark.WEEK + 2 * 24 * 60 + 8 * 60;
  static final int LONG_MINUTES = 12 * 60;
  static final int SHIFT_START = 2 * DemoBenchmark.WEEK + 3 * 24 * 60 + 10 * 60;
  static final int SHIFT_MINUTES = 48 * 60;
  static final double SHIFT = 1.3;

  static DemoOutage measure(int seeds) {
    int falsePages = 0;
    int outagePages = 0;
    double dragSum = 0;
    double minDrag = Double.MAX_VALUE;
    int measured = 0;
    int longTrials = 0;
    int longStayed = 0;
    int longFired = 0;
    int shiftTrials = 0;
    int shiftAdopted = 0;
    int shiftStill = 0;
    int shiftPages = 0;
    java.util.List<Double> shiftHours = new java.util.ArrayList<>();
    for (int seed = 1; seed <= seeds; seed++) {
      for (DemoSeries metric : DemoSeries.METRICS) {
        if (metric.ratio()) {
          continue;
        }
        // Three-hour outage against a twin without it.
        DemoRun with = new DemoRun(metric, new SplittableRandom(seed * 31L + metric.metric().hashCode()));
        DemoRun without = new DemoRun(metric, new SplittableRandom(seed * 31L + metric.metric().hashCode()));
        int probe = OUTAGE_START + DemoBenchmark.WEEK + OUTAGE_MINUTES / 2;
        for (int minute = 0; minute <= probe; minute++) {
          boolean down = minute >= OUTAGE_START && minute < OUTAGE_START + OUTAGE_MINUTES;
          DemoRun.Tick plain = without.tick(minute, 1.0);
          DemoRun.Tick tick = down ? with.tickValue(minute, 0) : with.tickValue(minute, plain.value());
          if (minute == probe) {
            double a = tick.detection().band().expected();
            double b = plain.detection().band().expected();
            dragSum += a / b;
            minDrag = Math.min(minDrag, a / b);
            measured++;
          }
          if (tick.paged()) {
            if (down) {
              outagePages++;
            } else if (minute >= DemoBenchmark.WEEK) {
              falsePages++;
            }
          }
        }
        // Twelve-hour outage.
        DemoRun outage = new DemoRun(metric, new SplittableRandom(seed * 37L + metric.metric().hashCode()));
        for (int minute = 0; minute < LONG_START; minute++) {
          outage.tick(minute, 1.0);
        }
        boolean fired = false;
        boolean stayed = true;
        for (int minute = LONG_START; minute < LONG_START + LONG_MINUTES; minute++) {
          DemoRun.Tick tick = outage.tickValue(minute, 0);
          fired |= tick.detection().anomalous();
          if (fired && !tick.detection().anomalous()) {
            stayed = false;
          }
        }
        longTrials++;
        longFired += fired ? 1 : 0;
        longStayed += fired && stayed ? 1 : 0;
        // +30 % lasting shift.
        DemoRun shift = new DemoRun(metric, new SplittableRandom(seed * 41L + metric.metric().hashCode()));
        for (int minute = 0; minute < SHIFT_START; minute++) {
          shift.tick(minute, 1.0);
        }
        int adoptedAt = -1;
        boolean stillAnomalous = false;
        for (int minute = SHIFT_START; minute < SHIFT_START + SHIFT_MINUTES; minute++) {
          DemoRun.Tick tick = shift.tick(minute, SHIFT);
          if (adoptedAt < 0 && tick.detection() != null && tick.detection().adoptedShift() != 0) {
            adoptedAt = minute - SHIFT_START + 1;
          }
          if (minute == SHIFT_START + 24 * 60 - 1) {
            stillAnomalous = shift.breach().anomalous();
          }
          shiftPages += tick.paged() ? 1 : 0;
        }
        shiftTrials++;
        if (adoptedAt >= 0 && adoptedAt <= 24 * 60) {
          shiftAdopted++;
        }
        shiftHours.add(adoptedAt < 0 ? Double.POSITIVE_INFINITY : adoptedAt / 60.0);
        shiftStill += stillAnomalous ? 1 : 0;
      }
    }
    java.util.Collections.sort(shiftHours);
    return new DemoOutage(falsePages, outagePages, dragSum / measured, minDrag, longTrials, longStayed, longFired,
        shiftTrials, shiftAdopted, shiftHours.get(shiftHours.size() - 1), shiftHours.get(shiftHours.size() / 2),
        shiftStill, shiftPages);
  }

  boolean long12StaysBad() {
    return long12StayedBad == long12Trials;
  }

  void print() {
    System.out.printf(Locale.ROOT, "%nthree-hour outage in judged week 2: %d pages during it, %d outside it; band a"
        + " week later at the same hour vs a run without the outage: mean %.3f, lowest %.3f%n", outagePages,
        falsePages, drag, minDrag);
    System.out.printf(Locale.ROOT, "twelve-hour outage: fired in %d of %d trials, anomalous to its end in %d%n",
        long12Fired, long12Trials, long12StayedBad);
    System.out.printf(Locale.ROOT, "+30 %% lasting shift (harmless side): adopted within a day in %d of %d trials"
        + " (median %.1f h, slowest %.1f h), still anomalous a day later in %d, pages %d%n", shiftAdopted,
        shiftTrials, shiftHoursMedian, shiftHoursMax, shiftStillAnomalous, shiftPages);
  }
}
