package io.heartbeat.alert.band;

/**
 * How one series' band is fitted and judged.
 *
 * @param sensitivity band half-width in robust standard deviations (the metric's anomaly_sensitivity, default 3)
 * @param minHistoryWindows windows learned before the band judges at all (anomaly_min_history)
 * @param periodSeconds the series' window length; seasonal slots are cut from it
 * @param seasonality the richest recurring pattern learned (each model is used only where it predicts best)
 * @param shiftWindows consecutive windows far out on one side after which the band re-anchors to the new level
 * @param waitForWeek with WEEKLY seasonality, judge a window only once its hour of the week was seen in an earlier
 *     week (a new metric's first weekend cannot page); false lets the daily models judge the first week
 */
public record BandSettings(double sensitivity, int minHistoryWindows, long periodSeconds, Seasonality seasonality,
    int shiftWindows, boolean waitForWeek) {

  static final long HOUR = 3600;
  static final long DAY = 86_400;

  public BandSettings {
    if (!(sensitivity > 0) || Double.isInfinite(sensitivity)) {
      throw new IllegalArgumentException("sensitivity must be a positive number, got " + sensitivity);
    }
    if (minHistoryWindows < 0) {
      throw new IllegalArgumentException("minHistoryWindows must be >= 0, got " + minHistoryWindows);
    }
    if (periodSeconds < 1) {
      throw new IllegalArgumentException("periodSeconds must be >= 1, got " + periodSeconds);
    }
    if (seasonality == null) {
      throw new IllegalArgumentException("seasonality is required");
    }
    if (shiftWindows < 1 || shiftWindows > AnomalyBand.MAX_SHIFT_WINDOWS) {
      throw new IllegalArgumentException("shiftWindows must be in 1.." + AnomalyBand.MAX_SHIFT_WINDOWS + ", got "
          + shiftWindows);
    }
  }

  /**
   * Settings for a live metric: weekly seasonality for periods up to an hour (daily up to 6 h, none beyond), judged
   * only after a week (waitForWeek), a level shift accepted after it held for about six hours.
   */
  public static BandSettings of(long periodSeconds, double sensitivity, int minHistoryWindows) {
    return new BandSettings(sensitivity, minHistoryWindows, periodSeconds, seasonalityFor(periodSeconds),
        shiftWindowsFor(periodSeconds), true);
  }

  /** The richest seasonality a period can carry: weekly up to 1 h, daily up to 6 h, none for longer windows. */
  public static Seasonality seasonalityFor(long periodSeconds) {
    if (periodSeconds <= HOUR) {
      return Seasonality.WEEKLY;
    }
    return periodSeconds <= 6 * HOUR ? Seasonality.DAILY : Seasonality.NONE;
  }

  /**
   * About six hours of windows, at least 6: a heartbeat that stayed off for a morning has a new level (a customer
   * left), while an outage of an hour or two is an incident the band must not learn.
   */
  public static int shiftWindowsFor(long periodSeconds) {
    return (int) Math.max(6, 6 * HOUR / periodSeconds);
  }

  public BandSettings withSeasonality(Seasonality other) {
    return new BandSettings(sensitivity, minHistoryWindows, periodSeconds, other, shiftWindows, waitForWeek);
  }

  public BandSettings withShiftWindows(int other) {
    return new BandSettings(sensitivity, minHistoryWindows, periodSeconds, seasonality, other, waitForWeek);
  }

  public BandSettings withWaitForWeek(boolean other) {
    return new BandSettings(sensitivity, minHistoryWindows, periodSeconds, seasonality, shiftWindows, other);
  }
}
