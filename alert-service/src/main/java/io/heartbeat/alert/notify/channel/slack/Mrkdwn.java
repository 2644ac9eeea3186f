package io.heartbeat.alert.notify.channel.slack;

import io.heartbeat.alert.notify.channel.Clip;

/**
 * Text for Slack's mrkdwn fields. Slack reads {@code <}, {@code >} and {@code &} as its own control characters (a
 * {@code <!channel>} in a metric's how_to_read would ping everyone), so they are escaped as Slack asks; the text is
 * then clipped to the field's limit without cutting an escape in half.
 */
final class Mrkdwn {

  private Mrkdwn() {
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Escaped, then at most {@code max} characters. */
  static String clip(String text, int max) {
    String escaped = escape(text);
    String clipped = Clip.to(escaped, max);
    if (clipped.length() == escaped.length()) {
      return clipped;
    }
    // An entity cut short ("&am…") would show as garbage: end the text before it instead.
    int amp = clipped.lastIndexOf('&');
    if (amp >= 0 && clipped.indexOf(';', amp) < 0) {
      return clipped.substring(0, amp) + clipped.charAt(clipped.length() - 1);
    }
    return clipped;
  }
}
