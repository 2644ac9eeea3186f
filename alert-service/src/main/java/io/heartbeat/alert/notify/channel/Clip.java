package io.heartbeat.alert.notify.channel;

/**
 * Shortens text to a vendor's length limit. A vendor refuses an over-long field outright (PagerDuty's summary,
 * Slack's header), and a refused page is worse than a shortened one. The cut is marked with an ellipsis, so a
 * responder knows there was more, and never splits a surrogate pair: a half emoji is an invalid string to a JSON
 * parser. Limits count UTF-16 units, which is never fewer than the characters vendors count.
 */
public final class Clip {

  static final char ELLIPSIS = '…';

  private Clip() {
  }

  /** {@code text} unchanged when it fits in {@code max} units, else its head and an ellipsis, {@code max} in all. */
  public static String to(String text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("a limit holds at least one character");
    }
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    // The last kept unit is the first half of a pair whose second half falls beyond the cut: drop both.
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ELLIPSIS;
  }
}
