package io.heartbeat.alert.band;

/**
 * What the detector says about one window.
 *
 * @param band the band as it stood before the value (null while warming up)
 * @param deviation signed distance from expected in standard deviations (0 while warming up)
 * @param belowFloor true when the value is out of the band on the bad side but closer to expected than the practical
 *     floor: not counted as a breach
 * @param breach the breach state after this window
 * @param adoptedShift the lasting level shift the band adopted with this window (0 when none)
 * @param learned false when the value was judged but not learned (late, or inside an open episode)
 */
public record Detection(Band band, double deviation, boolean belowFloor, double floor, Breach breach,
    double adoptedShift, boolean learned, long learnedWindows, long minHistoryWindows, BreachTracker tracker) {

  public boolean ready() {
    return band != null;
  }

  public boolean anomalous() {
    return breach.anomalous();
  }
}
