package io.heartbeat.alert.band;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The shipped detector on demo-like metrics (see {@link DemoSeries}), built as live with
 * DetectorSettings.defaults(60, LOW for the heartbeats, HIGH for the failure ratio): pages over four weeks without
 * incident, the delay until a 50 % drop and a full outage fire, a 12-hour outage, a +30 % lasting shift, and
 * whether a past outage drags the band down; a rolling one-hour mean +- 3 sigma band with the same trigger is the
 * baseline in the same run. Not a test: run it with alert-service/bench/demo.sh [seeds].
 */
public final class DemoBenchmark {

  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  static final int WEEK = 7 * 24 * 60;
  static final int JUDGED_WEEKS = 4;
  static final int TRIGGER = DetectorSettings.TRIGGER;
  static final int DROP_MINUTES = 120;
  static final String FLAGSHIP = "all_inbox_activity";

  private DemoBenchmark() {
  }

  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    long started = System.nanoTime();
    long observations = 0;
    int pages = 0;
    int ratioPages = 0;
    int warmupPages = 0;
    int baselinePages = 0;
    List<String> pageLog = new ArrayList<>();
    DemoDrops drops = new DemoDrops();
    for (int seed = 1; seed <= seeds; seed++) {
      for (DemoSeries metric : DemoSeries.METRICS) {
        DemoRun run = new DemoRun(metric, new SplittableRandom(seed * 1000L + metric.metric().hashCode()));
        // Week 0 is history the band learns (weekly seasonality judges nothing before it saw a whole week); the
        // next four weeks are judged.
        for (int minute = 0; minute < (JUDGED_WEEKS + 1) * WEEK; minute++) {
          DemoRun.Tick tick = run.tick(minute, 1.0);
          if (tick.paged()) {
            if (minute < WEEK) {
              warmupPages++;
            } else {
              pages++;
              ratioPages += metric.ratio() ? 1 : 0;
              pageLog.add(metric.metric() + " seed " + seed + " at " + tick.at());
            }
          }
          if (tick.baselinePaged() && minute >= WEEK) {
            baselinePages++;
          }
        }
        observations += (JUDGED_WEEKS + 1) * WEEK;
        if (!metric.ratio()) {
          observations += drops.measure(metric, run, seed);
        }
      }
    }
    DemoOutage outage = DemoOutage.measure(seeds);
    double seconds = (System.nanoTime() - started) / 1e9;
    BandFootprint footprint = BandFootprint.measure();

    pageLog.stream().limit(20).forEach(p -> System.out.println("page: " + p));
    System.out.printf(Locale.ROOT, "%d metrics x %d seeds x %d judged weeks: band pages %d (warm-up week %d),"
        + " rolling-hour baseline pages %d%n", DemoSeries.METRICS.size(), seeds, JUDGED_WEEKS, pages, warmupPages,
        baselinePages);
    drops.print();
    outage.print();
    footprint.print();
    System.out.printf(Locale.ROOT, "%d observations in %.1f s (%.0f observations/s, band and baseline)%n",
        observations, seconds, observations / seconds);
    DemoDrops.Summary flagship = drops.summary(FLAGSHIP);
    DemoDrops.Summary ge40 = drops.summaryAtLeast40();
    System.out.printf(Locale.ROOT, "%n50 %% drop at >= 40 events per window: %d trials, %.1f %% within %d windows"
        + " (goal >= 95 %%); full outage: slowest %s windows (goal <= %d)%n", ge40.trials(), 100 * ge40.withinGoal(),
        TRIGGER + 1, DemoDrops.show(drops.outageMax()), TRIGGER + 1);
    System.out.printf(Locale.ROOT, "RESULT band_demo false_pages=%d drop50_within_goal_pct_ge40=%.1f"
        + " outage_fire_windows_max=%s outage12h_stays_bad=%b shift30_adopted_hours=%.1f baseline_false_pages=%d"
        + " heartbeat_false_pages=%d ratio_false_pages=%d seeds=%d drop_delay_windows=%s outage_drag_min=%.3f"
        + " heap_kib_per_series=%.1f state_bytes=%d observe_per_s=%.0f%n", pages, 100 * ge40.withinGoal(),
        DemoDrops.show(drops.outageMax()), outage.long12StaysBad(), outage.shiftHoursMax(), baselinePages,
        pages - ratioPages, ratioPages, seeds, DemoDrops.show(flagship.median()), outage.minDrag(),
        footprint.heapKibPerSeries(), footprint.stateBytes(), footprint.observationsPerSecond());
  }

  static int percentile(int[] sorted, double share) {
    return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.floor(share * sorted.length))];
  }

  static int[] sorted(List<Integer> values) {
    int[] array = values.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(array);
    return array;
  }
}
