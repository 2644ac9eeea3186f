package io.heartbeat.alert.band;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Per-minute heartbeats shaped like db/marts/schema.sql's generator: Poisson counts with mean base rate x
 * seasonality, the daily cosine peaking at 15:00 UTC with its trough (25 % of peak) at 03:00, weekends at 45 %,
 * rescaled by 7 / 5.9 so the base rate stays the weekly mean. No database: the same shape, drawn in Java.
 */
record DemoSeries(String metric, double baseRate, boolean ratio, BadSide badSide) {

  /** The demo metrics of db/metrics at metric level (no dimension), with their generator streams' rates. */
  static final List<DemoSeries> METRICS = List.of(
      new DemoSeries("teammate_replies", 25, false, BadSide.LOW),
      new DemoSeries("web_messenger_parts", 30, false, BadSide.LOW),
      new DemoSeries("mobile_messenger_messages", 15, false, BadSide.LOW),
      new DemoSeries("all_inbox_activity", 70, false, BadSide.LOW),
      new DemoSeries("ai_agent_answers", 20 * 0.96, false, BadSide.LOW),
      new DemoSeries("checkout_attempts", 10, false, BadSide.LOW),
      new DemoSeries("inbox_ui_interactions", 40, false, BadSide.LOW),
      new DemoSeries("ai_agent_failure_ratio", 20, true, BadSide.HIGH));

  static final double FAILURE_SHARE = 0.04;
  /**
   * The failure ratio's min_count as db/metrics/ai_agent_failure_ratio.sql ships it: a window with fewer answers is
   * skipped (not judged, not learned), as live.
   */
  static final int MIN_ANSWERS = 10;

  /** marts.seasonality: the share of the weekly mean rate at this instant. */
  static double seasonality(Instant at) {
    double hours = at.getEpochSecond() / 3600.0;
    double daily = 1 + 0.6 * Math.cos(2 * Math.PI * (hours - 15) / 24);
    int isoDay = at.atZone(java.time.ZoneOffset.UTC).getDayOfWeek().getValue();
    return daily * (isoDay >= 6 ? 0.45 : 1) * 7 / 5.9;
  }

  /**
   * The value of the minute starting at windowStart; keep is the share of events that survive (1 normally, 0.5 for
   * a 50 % drop, 0 for an outage). NaN for a ratio window with fewer than MIN_ANSWERS answers (skipped).
   */
  double value(Instant windowStart, double keep, SplittableRandom random) {
    double mean = baseRate * seasonality(windowStart.plusSeconds(30));
    if (!ratio) {
      return poisson(mean * keep, random);
    }
    int answers = poisson(mean, random);
    int failed = 0;
    for (int i = 0; i < answers; i++) {
      failed += random.nextDouble() < FAILURE_SHARE ? 1 : 0;
    }
    return answers < MIN_ANSWERS ? Double.NaN : failed / (double) answers;
  }

  /** marts.poisson: exact inversion up to a mean of 30, the normal approximation above. */
  static int poisson(double mean, SplittableRandom random) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian));
    }
    double u = random.nextDouble();
    double p = Math.exp(-mean);
    double cdf = p;
    int k = 0;
    while (u > cdf && k < 1000) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }
}
