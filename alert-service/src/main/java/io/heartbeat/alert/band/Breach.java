package io.heartbeat.alert.band;

/**
 * A series' breach state after one window; store it between windows (it is the whole state of the tracker).
 *
 * @param badRun consecutive windows on the bad side so far
 * @param goodRun consecutive windows back inside while firing or recovering
 * @param fired true on the one window where the anomaly starts firing
 * @param resolved true on the one window where it resolves
 */
public record Breach(BreachPhase phase, int badRun, int goodRun, boolean fired, boolean resolved) {

  public static final Breach CLEAR = new Breach(BreachPhase.CLEAR, 0, 0, false, false);

  /** Anomalous from the window that fires to the last window before it resolves. */
  public boolean anomalous() {
    return phase == BreachPhase.FIRING || phase == BreachPhase.RECOVERING;
  }
}
