package io.heartbeat.alert.band;

/** The range a window's value is expected in: expected, and the lower and upper edges (inclusive). */
public record Band(double expected, double lower, double upper) {

  public Band {
    if (!(lower <= expected && expected <= upper)) {
      throw new IllegalArgumentException("band needs lower <= expected <= upper, got " + lower + ", " + expected
          + ", " + upper);
    }
  }

  /** A value on an edge is still inside: only a value strictly beyond it is out of the band. */
  public Position position(double value) {
    if (value < lower) {
      return Position.BELOW;
    }
    return value > upper ? Position.ABOVE : Position.INSIDE;
  }
}
