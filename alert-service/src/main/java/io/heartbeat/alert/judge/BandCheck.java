package io.heartbeat.alert.judge;

/**
 * What the anomaly band says about one value. band is null while the band warms up (historyWindows of
 * minHistoryWindows seen); badWindows counts consecutive windows outside the band on the bad side, and anomalous
 * says the breach lasted the trigger window.
 */
public record BandCheck(BandRange band, int badWindows, int triggerWindows, boolean anomalous, long historyWindows,
    long minHistoryWindows) {

  public static BandCheck warmingUp(long historyWindows, long minHistoryWindows) {
    return new BandCheck(null, 0, 0, false, historyWindows, minHistoryWindows);
  }

  public boolean ready() {
    return band != null;
  }
}
