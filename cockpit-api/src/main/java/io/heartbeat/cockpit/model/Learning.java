package io.heartbeat.cockpit.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How far alert-service got learning a metric's history, read from its rule's "learning history" prefix. */
@RegisterForReflection
@Schema(description = "Progress of alert-service learning the metric's history; null once the tile is live")
public record Learning(
    @Schema(description = "Window being learned, 1-based", required = true, example = "6120") int window,
    @Schema(description = "History windows to learn in all", required = true, example = "20160") int windows) {

  // alert-service writes "learning history: 6,120 of 20,160 windows; " (Locale.ROOT grouping) before the rule,
  // and "history learned: 20,160 windows; " on the last history window, which is the first live tile.
  private static final Pattern PREFIX = Pattern.compile("^learning history: ([0-9,]+) of ([0-9,]+) windows");

  /** The progress the rule announces, null for a live evaluation (or the last history window). */
  public static Learning fromRule(String rule) {
    if (rule == null) {
      return null;
    }
    Matcher m = PREFIX.matcher(rule);
    if (!m.lookingAt()) {
      return null;
    }
    try {
      return new Learning(Integer.parseInt(m.group(1).replace(",", "")), Integer.parseInt(m.group(2).replace(",", "")));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
