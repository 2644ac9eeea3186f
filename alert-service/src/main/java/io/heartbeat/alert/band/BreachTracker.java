package io.heartbeat.alert.band;

/**
 * Decides when band breaches become an anomaly: only the bad side counts, it fires once the bad side held for the
 * trigger window and resolves once the value stayed back for the recovery window. Pure: the state is the
 * {@link Breach} passed in and returned, so it is stored and restored like any value.
 */
public record BreachTracker(int triggerWindows, int recoveryWindows, BadSide badSide) {

  public BreachTracker {
    if (triggerWindows < 1 || recoveryWindows < 1) {
      throw new IllegalArgumentException("trigger and recovery windows must be >= 1, got " + triggerWindows + " and "
          + recoveryWindows);
    }
    if (badSide == null) {
      throw new IllegalArgumentException("badSide is required");
    }
  }

  /**
   * The breach after one more window. A null position (band still warming up) changes nothing: it neither extends
   * a run nor breaks it.
   */
  public Breach step(Breach previous, Position position) {
    if (position == null) {
      return new Breach(previous.phase(), previous.badRun(), previous.goodRun(), false, false);
    }
    boolean bad = badSide.isBad(position);
    return switch (previous.phase()) {
      case CLEAR, PENDING -> bad ? pending(previous.badRun() + 1) : Breach.CLEAR;
      case FIRING, RECOVERING -> bad ? new Breach(BreachPhase.FIRING, previous.badRun() + 1, 0, false, false)
          : recovering(previous.goodRun() + 1);
    };
  }

  private Breach pending(int badRun) {
    if (badRun >= triggerWindows) {
      return new Breach(BreachPhase.FIRING, badRun, 0, true, false);
    }
    return new Breach(BreachPhase.PENDING, badRun, 0, false, false);
  }

  private Breach recovering(int goodRun) {
    if (goodRun >= recoveryWindows) {
      return new Breach(BreachPhase.CLEAR, 0, 0, false, true);
    }
    return new Breach(BreachPhase.RECOVERING, 0, goodRun, false, false);
  }
}
