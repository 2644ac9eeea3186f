package io.heartbeat.alert.band;

/**
 * Everything that decides how one series is watched: the band (period, sensitivity, minimum history), the breach
 * rule (trigger k of the last n windows, recovery), the practical floor a breach must also clear, and the bad side.
 * The live service and the NAB benchmark both build their detectors from these, with the same defaults.
 *
 * @param badSide LOW for higher_is_better, HIGH for lower_is_better, BOTH for a series without a direction
 * @param minChangePercent a breach counts only when the value is at least this share of the expected value away
 * @param minChangeAbsolute ... and at least this far in the series' own units
 */
public record DetectorSettings(long periodSeconds, BadSide badSide, double sensitivity, int minHistoryWindows,
    int triggerWindows, int triggerWithinWindows, int recoveryWindows, double minChangePercent,
    double minChangeAbsolute) {

  /** Band half-width in robust standard deviations. */
  public static final double SENSITIVITY = 3.0;
  /** Bad windows (k) among the last TRIGGER_WITHIN (n) that fire an anomaly. */
  public static final int TRIGGER = 3;
  public static final int TRIGGER_WITHIN = 5;
  public static final int RECOVERY = 5;
  /** One day of 1m windows (the default for 1m series; see {@link #minHistoryFor} for other periods). */
  public static final int MIN_HISTORY_WINDOWS = 1440;
  /** The default minimum history is one day, whatever the period ({@link #minHistoryFor}). */
  public static final long MIN_HISTORY_SECONDS = 86_400;
  public static final int MIN_HISTORY_FLOOR = 12;
  /**
   * A dip of 0.4 % on a flat metric is statistically unusual and practically nothing: a breach pages only when the
   * value is also 10 % away from the expected value (and MIN_CHANGE_ABSOLUTE in its units).
   */
  public static final double MIN_CHANGE_PERCENT = 10.0;
  public static final double MIN_CHANGE_ABSOLUTE = 0.0;
  /**
   * "Nothing where something was expected": on a LOW (or BOTH) side a value of at most ZERO_SHARE of expected counts
   * as a breach whatever the band says, once the band expects at least ZERO_FLOOR units in the window. At low
   * counts the band's lower edge is below 0, so an outage would sit inside the band. For a Poisson count a silent
   * window at expected 5 has P = e^-5 = 0.7 %, and the trigger's 3 such windows in 5 about 3e-6 per window.
   */
  public static final double ZERO_FLOOR = 5.0;
  public static final double ZERO_SHARE = 0.02;
  /**
   * Below ZERO_FLOOR a run of such windows counts from the window where the run's summed expected reaches this
   * (a Poisson count is silent that long with P = e^-15 = 3e-7), so an outage at 1 or 2 events a window still
   * fires and stays an outage to its end, just later.
   */
  public static final double ZERO_RUN_FLOOR = 15.0;
  /**
   * The rule is off for a series where near-zero windows at or above ZERO_FLOOR expected were not rare: more than
   * this share of such windows (plus ZERO_NORMAL_SLACK) turned out normal (no episode followed). A Poisson count
   * stays under e^-5 = 0.7 %.
   */
  public static final double ZERO_NORMAL_SHARE = 0.02;
  public static final double ZERO_NORMAL_SLACK = 3;
  /**
   * The trigger window as a whole (series with a direction): once the last k windows (k = trigger, trigger + 1) were
   * all on the bad side of expected, their deviations (each clipped at SUSTAINED_CLIP sigmas, so one spike cannot
   * make a run) sum beyond SUSTAINED_SIGMAS x the learned spread of such sums (at least sqrt(k)), and their mean is
   * beyond the practical floor, they count as k bad windows: a drop each window's noise hides is clear in their
   * sum. 5.5: demo heartbeats page 0 times in 280 quiet series-weeks (5.0: 2, 4.5: 23).
   */
  public static final double SUSTAINED_SIGMAS = 5.5;
  public static final double SUSTAINED_CLIP = 3.5;

  public DetectorSettings {
    if (badSide == null) {
      throw new IllegalArgumentException("badSide is required");
    }
    if (!(minChangePercent >= 0) || !(minChangeAbsolute >= 0)) {
      throw new IllegalArgumentException("minimum changes must be >= 0, got " + minChangePercent + " % and "
          + minChangeAbsolute);
    }
  }

  /** The shipped defaults for a series of this period and bad side (a day of history whatever the period). */
  public static DetectorSettings defaults(long periodSeconds, BadSide badSide) {
    return new DetectorSettings(periodSeconds, badSide, SENSITIVITY, minHistoryFor(periodSeconds), TRIGGER,
        TRIGGER_WITHIN, RECOVERY, MIN_CHANGE_PERCENT, MIN_CHANGE_ABSOLUTE);
  }

  /**
   * One day of windows (MIN_HISTORY_WINDOWS for 1m windows, 288 for 5m, 24 for 1h), at least
   * MIN_HISTORY_FLOOR: the history is a span of time, whatever the period cuts it into.
   */
  public static int minHistoryFor(long periodSeconds) {
    return (int) Math.max(MIN_HISTORY_FLOOR, Math.ceil(MIN_HISTORY_SECONDS / (double) Math.max(1, periodSeconds)));
  }

  /** How the band is fitted: the live settings for this period (see {@link BandSettings#of}). */
  public BandSettings band() {
    return BandSettings.of(periodSeconds, sensitivity, minHistoryWindows).withWaitForWeek(waitsForWeek());
  }

  /**
   * A series with a direction is judged by the weekly model only once its hour of the week was seen (a first
   * weekend would open an episode, and an open episode of such a series is never learned, so it could not close);
   * one without a direction is judged from the first day by the daily models, since it learns while anomalous and
   * adopts a new level on either side.
   */
  public boolean waitsForWeek() {
    return badSide != BadSide.BOTH;
  }

  /**
   * A second band on hourly means runs for periods under an hour, for a series without a direction (see
   * {@link Detector}). Not for one with a direction: on demo heartbeats its one-hour rule paged 45 times in 280
   * quiet series-weeks.
   */
  public boolean hourly() {
    return periodSeconds < Detector.HOUR && badSide == BadSide.BOTH;
  }

  /** The hourly band: the same sensitivity, a day of hours, the same warm-up rule. */
  public BandSettings hourBand() {
    return BandSettings.of(Detector.HOUR, sensitivity, minHistoryFor(Detector.HOUR)).withWaitForWeek(waitsForWeek());
  }

  public BreachTracker tracker() {
    return new BreachTracker(triggerWindows, Math.max(triggerWindows, Math.min(triggerWithinWindows,
        BreachTracker.MAX_WITHIN)), recoveryWindows, badSide);
  }

  /** The least distance from expected that counts as a change at all. */
  public double floor(double expected) {
    return Math.max(minChangeAbsolute, minChangePercent / 100.0 * Math.abs(expected));
  }
}
