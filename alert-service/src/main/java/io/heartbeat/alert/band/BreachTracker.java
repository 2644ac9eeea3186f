package io.heartbeat.alert.band;

/**
 * Decides when band breaches become an anomaly: only the bad side counts; it fires once triggerWindows of the last
 * triggerWithinWindows windows were on the bad side (so a flapping series fires too: bad, good, bad, good, bad), and
 * resolves once the value stayed back for the recovery window. Pure: the state is the {@link Breach} passed in and
 * returned, so it is stored and restored like any value.
 */
public record BreachTracker(int triggerWindows, int triggerWithinWindows, int recoveryWindows, BadSide badSide) {

  /** The most windows the k-of-n memory holds (bits of an int). */
  public static final int MAX_WITHIN = 30;

  public BreachTracker {
    if (triggerWindows < 1 || recoveryWindows < 1) {
      throw new IllegalArgumentException("trigger and recovery windows must be >= 1, got " + triggerWindows + " and "
          + recoveryWindows);
    }
    if (triggerWithinWindows < triggerWindows || triggerWithinWindows > MAX_WITHIN) {
      throw new IllegalArgumentException("triggerWithinWindows must be in " + triggerWindows + ".." + MAX_WITHIN
          + ", got " + triggerWithinWindows);
    }
    if (badSide == null) {
      throw new IllegalArgumentException("badSide is required");
    }
  }

  /** Consecutive bad windows fire: trigger of trigger. */
  public BreachTracker(int triggerWindows, int recoveryWindows, BadSide badSide) {
    this(triggerWindows, triggerWindows, recoveryWindows, badSide);
  }

  /**
   * The breach after one more window. A null position (band still warming up) changes nothing: it neither extends
   * a run nor breaks it.
   */
  public Breach step(Breach previous, Position position) {
    if (position == null) {
      return new Breach(previous.phase(), previous.badRun(), previous.goodRun(), false, false, previous.recent());
    }
    boolean bad = badSide.isBad(position);
    int recent = ((previous.recent() << 1) | (bad ? 1 : 0)) & ((1 << triggerWithinWindows) - 1);
    return switch (previous.phase()) {
      case CLEAR, PENDING -> pending(recent);
      case FIRING, RECOVERING -> bad ? new Breach(BreachPhase.FIRING, previous.badRun() + 1, 0, false, false, recent)
          : recovering(previous.goodRun() + 1, recent);
    };
  }

  private Breach pending(int recent) {
    int bad = Integer.bitCount(recent);
    if (bad >= triggerWindows) {
      return new Breach(BreachPhase.FIRING, bad, 0, true, false, recent);
    }
    if (triggerWithinWindows == triggerWindows && (recent & 1) == 0) {
      // k of k: a window back inside means the run starts over.
      return Breach.CLEAR;
    }
    return bad == 0 ? Breach.CLEAR : new Breach(BreachPhase.PENDING, bad, 0, false, false, recent);
  }

  private Breach recovering(int goodRun, int recent) {
    if (goodRun >= recoveryWindows) {
      return new Breach(BreachPhase.CLEAR, 0, 0, false, true, 0);
    }
    return new Breach(BreachPhase.RECOVERING, 0, goodRun, false, false, recent);
  }
}
