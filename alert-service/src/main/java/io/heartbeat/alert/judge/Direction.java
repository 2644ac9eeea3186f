package io.heartbeat.alert.judge;

/** Which side of a threshold is bad. */
public enum Direction {
  HIGHER_IS_BETTER("<"),
  LOWER_IS_BETTER(">");

  private final String badSide;

  Direction(String badSide) {
    this.badSide = badSide;
  }

  /** True when value lies strictly on the bad side of threshold; the threshold itself is still acceptable. */
  public boolean isWorse(double value, double threshold) {
    return this == HIGHER_IS_BETTER ? value < threshold : value > threshold;
  }

  /** The comparison operator that reads as "bad", e.g. "<" for higher_is_better. */
  public String badSide() {
    return badSide;
  }

  /** The comparison operator that reads as "good", e.g. ">=" for higher_is_better. */
  public String goodSide() {
    return this == HIGHER_IS_BETTER ? ">=" : "<=";
  }

  public String wire() {
    return name().toLowerCase();
  }

  public static Direction fromWire(String wire) {
    return valueOf(wire.toUpperCase());
  }
}
