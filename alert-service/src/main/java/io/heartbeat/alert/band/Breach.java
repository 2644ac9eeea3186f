package io.heartbeat.alert.band;

/**
 * A series' breach state after one window; store it between windows (it is the whole state of the tracker).
 *
 * @param badRun windows on the bad side among the last triggerWithin windows (consecutive ones while firing)
 * @param goodRun consecutive windows back inside while firing or recovering
 * @param fired true on the one window where the anomaly starts firing
 * @param resolved true on the one window where it resolves
 * @param recent the last triggerWithin windows, newest in bit 0, a set bit for a window on the bad side
 */
public record Breach(BreachPhase phase, int badRun, int goodRun, boolean fired, boolean resolved, int recent) {

  public static final Breach CLEAR = new Breach(BreachPhase.CLEAR, 0, 0, false, false, 0);

  public Breach(BreachPhase phase, int badRun, int goodRun, boolean fired, boolean resolved) {
    this(phase, badRun, goodRun, fired, resolved, 0);
  }

  /** Anomalous from the window that fires to the last window before it resolves. */
  public boolean anomalous() {
    return phase == BreachPhase.FIRING || phase == BreachPhase.RECOVERING;
  }
}
