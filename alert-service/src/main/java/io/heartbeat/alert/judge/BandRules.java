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
    if (below ? value >= band.lower() : value <= band.upper()) {
      // Counted by one of the detector's run rules, not by the edge: nothing where something was expected, or a
      // sustained shift of the last windows taken together.
      String why = below && value <= 0.02 * Math.abs(band.expected()) ? "nothing where something was expected: an outage"
          : "sustained " + (below ? "drop" : "rise") + " of the last windows taken together";
      return "value " + Judge.plain(value) + " where " + round(band.expected()) + " was expected, inside band ["
          + round(band.lower()) + ", " + round(band.upper()) + "] (" + why + "; " + direction.wire() + ")";
    }
    return "value " + Judge.plain(value) + " " + direction.badSide() + " band " + (below ? "lower " : "upper ")
        + round(below ? band.lower() : band.upper()) + " (expected " + round(band.expected()) + ", "
        + direction.wire() + ")";
  }

  /** Where a value that is not anomalous lies relative to the band. */
  static String inside(double value, BandCheck check, Direction direction) {
    BandRange band = check.band();
    String range = "[" + round(band.lower()) + ", " + round(band.upper()) + "]";
    boolean badSide = direction == Direction.HIGHER_IS_BETTER ? value < band.lower() : value > band.upper();
    if (badSide && check.belowFloor()) {
      return outside(value, check, direction) + " but within the practical floor (change "
          + round(Math.abs(value - band.expected())) + " < " + round(check.floor()) + ")";
    }
    if (check.badWindows() > 0) {
      return (badSide ? outside(value, check, direction) + "; " : "value " + Judge.plain(value) + " within band "
          + range + "; ") + check.badWindows() + " of the last " + check.triggerWithinWindows()
          + " windows out on the bad side (trigger " + check.triggerWindows() + ")";
    }
    if (badSide) {
      return outside(value, check, direction);
    }
    if (value < band.lower() || value > band.upper()) {
      return "value " + Judge.plain(value) + " outside band " + range + " on the good side (" + direction.wire() + ")";
    }
    return "value " + Judge.plain(value) + " within band " + range + " (expected " + round(band.expected()) + ")";
  }

  /** "; band adopted a lasting shift of +31.2 (+30.5 %) as the new level" on the window it happened, else "". */
  static String adopted(BandCheck check) {
    if (check.adoptedShift() == 0 || check.band() == null) {
      return "";
    }
    double shift = check.adoptedShift();
    // The band already stands at the new level: the shift is measured against where it stood before.
    double before = check.band().expected() - shift;
    String percent = before == 0 ? "" : " (" + (shift > 0 ? "+" : "") + round(100 * shift / Math.abs(before)) + " %)";
    return "; band adopted a lasting shift of " + (shift > 0 ? "+" : "") + round(shift) + percent
        + " as the new level";
  }

  static String round(double number) {
    if (!Double.isFinite(number)) {
      return String.valueOf(number);
    }
    return new BigDecimal(number).round(FIGURES).stripTrailingZeros().toPlainString();
  }
}
