package io.heartbeat.alert.judge;

/** How the computation of one window ended (observation status). */
public enum Outcome {
  OK,
  EMPTY,
  ERROR;

  public static Outcome fromWire(String wire) {
    return valueOf(wire.toUpperCase());
  }
}
