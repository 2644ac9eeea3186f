package io.heartbeat.alert.band;

import java.time.Instant;

/**
 * The band as a NAB detector, one configuration for every file. Per file: the band on the series itself with a
 * breach tracker (both sides bad, trigger 30 minutes), and a second band on hourly means of the same series with
 * its own tracker (a burst of an hour shows there before any single window leaves its band). Both are the same
 * {@link AnomalyBand} class. The anomaly score is 0 except on a window where an anomaly starts firing (one page),
 * where it says how rare such a breach is in this series so far: see {@link NabStream}.
 *
 * @param triggerMinutes the base trigger, at least three windows
 * @param weeklyFromWeeks weekly seasonality when the file spans this many weeks (NAB gives detectors the file;
 *     a week is needed to learn it and a second to use it)
 * @param waitForWeek false: the daily models judge a weekly file's first week, since NAB scores from 15 % of each
 *     file, which can lie inside it (the live default is true)
 * @param aggregateMinutes the block of the second band (the series' mean per block); 0 for none
 */
record NabDetector(double sensitivity, double triggerMinutes, int recoveryWindows, double minHistoryDays,
    double weeklyFromWeeks, boolean waitForWeek, double aggregateMinutes, Tuning tuning) {

  static final NabDetector DEFAULT = new NabDetector(3.0, 30, 5, 1.0, 3.0, false, 60, Tuning.DEFAULT);

  /** Daily seasonality for periods up to an hour; weekly only when the file spans enough weeks to learn it. */
  BandSettings settingsFor(NabSeries series) {
    return settingsFor(series, series.periodSeconds());
  }

  BandSettings settingsFor(NabSeries series, long period) {
    Seasonality seasonality = BandSettings.seasonalityFor(period);
    if (seasonality == Seasonality.WEEKLY && series.spanSeconds() < weeklyFromWeeks * 7 * BandSettings.DAY) {
      seasonality = Seasonality.DAILY;
    }
    int minHistory = (int) Math.ceil(minHistoryDays * BandSettings.DAY / period);
    return new BandSettings(sensitivity, minHistory, period, seasonality, BandSettings.shiftWindowsFor(period),
        waitForWeek);
  }

  int triggerFor(NabSeries series) {
    return (int) Math.max(3, Math.round(triggerMinutes * 60 / series.periodSeconds()));
  }

  double[] scores(NabSeries series) {
    int trigger = triggerFor(series);
    NabStream base = new NabStream(new AnomalyBand(settingsFor(series), tuning),
        new BreachTracker(trigger, recoveryWindows, BadSide.BOTH), trigger);
    int blockWindows = (int) Math.round(aggregateMinutes * 60 / series.periodSeconds());
    long blockSeconds = blockWindows * series.periodSeconds();
    NabStream hourly = blockWindows > 1 ? new NabStream(new AnomalyBand(settingsFor(series, blockSeconds), tuning),
        new BreachTracker(1, 2, BadSide.BOTH), 1) : null;
    double[] scores = new double[series.values().length];
    long block = Long.MIN_VALUE;
    double blockSum = 0;
    int blockCount = 0;
    for (int i = 0; i < scores.length; i++) {
      Instant at = series.times()[i];
      double value = series.values()[i];
      if (hourly != null) {
        long current = Math.floorDiv(at.getEpochSecond(), blockSeconds);
        if (current != block && blockCount > 0) {
          // The block closed with the previous row: its page belongs there.
          double score = hourly.step(Instant.ofEpochSecond(block * blockSeconds), blockSum / blockCount);
          scores[i - 1] = Math.max(scores[i - 1], score);
          blockSum = 0;
          blockCount = 0;
        }
        block = current;
        blockSum += value;
        blockCount++;
      }
      scores[i] = Math.max(scores[i], base.step(at, value));
    }
    return scores;
  }
}
