package io.heartbeat.alert.judge;

import java.math.BigDecimal;
import java.math.MathContext;

/** The sentences that explain a band verdict, with band figures rounded to what a reader needs. */
final class BandRules {

  private static final MathContext FIGURES = new MathContext(4);

  private BandRules() {
  }

  /** "value 41 < band lower 52.3 (expected 60.1, higher_is_better)". */
  static String outside(double value, BandCheck check, Direction direction) {
    BandRange band = check.band();
    boolean below = direction == Direction.HIGHER_IS_BETTER;
    return "value " + Judge.plain(value) + " " + direction.badSide() + " band " + (below ? "lower " : "upper ")
        + round(below ? band.lower() : band.upper()) + " (expected " + round(band.expected()) + ", "
        + direction.wire() + ")";
  }

  /** Where a value that is not anomalous lies relative to the band. */
  static String inside(double value, BandCheck check, Direction direction) {
    BandRange band = check.band();
    String range = "[" + round(band.lower()) + ", " + round(band.upper()) + "]";
    if (check.badWindows() > 0) {
      return outside(value, check, direction) + " for " + check.badWindows() + " of " + check.triggerWindows()
          + " trigger windows";
    }
    boolean badSide = direction == Direction.HIGHER_IS_BETTER ? value < band.lower() : value > band.upper();
    if (badSide) {
      return outside(value, check, direction);
    }
    if (value < band.lower() || value > band.upper()) {
      return "value " + Judge.plain(value) + " outside band " + range + " on the good side (" + direction.wire() + ")";
    }
    return "value " + Judge.plain(value) + " within band " + range + " (expected " + round(band.expected()) + ")";
  }

  static String round(double number) {
    if (!Double.isFinite(number)) {
      return String.valueOf(number);
    }
    return new BigDecimal(number).round(FIGURES).stripTrailingZeros().toPlainString();
  }
}
