package io.heartbeat.registry.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The period grammar: a whole number of minutes, hours or days that divides a day, windows aligned to UTC. */
public final class Period {

  public static final String EXPECTED = "expected 1m, 5m, 15m, 1h, 1d or another period that divides a day";
  private static final Pattern GRAMMAR = Pattern.compile("^([1-9][0-9]{0,4})([mhd])$");

  private Period() {
  }

  /** Seconds in the period, or -1 when the text is not a valid period. */
  public static int seconds(String text) {
    Matcher m = GRAMMAR.matcher(text);
    if (!m.matches()) {
      return -1;
    }
    long n = Long.parseLong(m.group(1));
    long seconds = switch (m.group(2)) {
      case "m" -> n * 60;
      case "h" -> n * 3600;
      default -> n * 86400;
    };
    return seconds <= 86400 && 86400 % seconds == 0 ? (int) seconds : -1;
  }
}
