package io.heartbeat.alert.judge;

/**
 * What the anomaly detector says about one value. band is null while the band warms up (historyWindows of
 * minHistoryWindows seen); badWindows counts windows outside the band on the bad side among the last
 * triggerWithinWindows, and anomalous says the breach met its trigger. belowFloor: out of the band on the bad side
 * but closer to expected than the practical floor (floor, in the metric's units), so not counted. adoptedShift: a
 * lasting level shift the band adopted with this window (0 when none).
 */
public record BandCheck(BandRange band, int badWindows, int triggerWindows, int triggerWithinWindows,
    boolean anomalous, long historyWindows, long minHistoryWindows, boolean belowFloor, double floor,
    double adoptedShift) {

  public static BandCheck warmingUp(long historyWindows, long minHistoryWindows) {
    return new BandCheck(null, 0, 0, 0, false, historyWindows, minHistoryWindows, false, 0, 0);
  }

  public boolean ready() {
    return band != null;
  }
}
