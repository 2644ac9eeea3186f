package io.heartbeat.cockpit.mcp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.heartbeat.cockpit.model.AlertView;
import io.heartbeat.cockpit.model.Band;
import io.heartbeat.cockpit.model.Learning;
import io.heartbeat.cockpit.model.Status;
import io.heartbeat.cockpit.model.Tile;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Why a tile shows its status, for an assistant to relay: the rule alert-service applied, the value against the
 * owner's thresholds and the band (judged as alert-service judges: strictly worse than a threshold, outside the band's
 * inclusive edges), the cockpit clock's stale reason and the open episode; explanation says the same in sentences.
 */
@RegisterForReflection
public record StatusExplanation(
    String metricId,
    String code,
    String name,
    Status status,
    String explanation,
    String rule,
    Double value,
    String unit,
    String direction,
    Double normValue,
    Double alertValue,
    /** beyond_alert, beyond_norm or within_thresholds; null without a value or thresholds. */
    String thresholdPosition,
    Band band,
    /** True when the value is outside the band, null without a value or band. */
    Boolean outsideBand,
    /** below or above when outside the band. */
    String bandSide,
    /** True when outside on the side direction calls bad (only that side can turn a tile anomalous). */
    Boolean onBadSide,
    Learning learning,
    String staleReason,
    Instant windowStart,
    Instant windowEnd,
    Instant evaluatedAt,
    Episode openEpisode) {

  /** The open episode of the metric total, with the reason alert-service gave for its latest step. */
  @RegisterForReflection
  public record Episode(String dedupKey, String state, Status status, Instant since, String reason) {
  }

  /** The explanation of a tile; episode is the open one read in full (null when none or unreadable). */
  public static StatusExplanation of(Tile tile, AlertView episode) {
    boolean higher = !"lower_is_better".equals(tile.direction());
    Double v = tile.value();
    String position = null;
    if (v != null && (tile.normValue() != null || tile.alertValue() != null)) {
      position = worse(higher, v, tile.alertValue()) ? "beyond_alert"
          : worse(higher, v, tile.normValue()) ? "beyond_norm" : "within_thresholds";
    }
    Band band = tile.band();
    Boolean outside = null;
    String side = null;
    Boolean bad = null;
    if (v != null && band != null) {
      outside = v < band.lower() || v > band.upper();
      side = v < band.lower() ? "below" : v > band.upper() ? "above" : null;
      bad = side != null && side.equals(higher ? "below" : "above");
    }
    Episode open = tile.alert() == null ? null : new Episode(tile.alert().dedupKey(), tile.alert().state(),
        tile.alert().status(), tile.alert().since(), episode == null ? null : episode.reason());
    String text = words(tile, higher, position, outside, side, bad, open);
    return new StatusExplanation(tile.metricId(), tile.code(), tile.name(), tile.status(), text, tile.rule(), v,
        tile.unit(), tile.direction(), tile.normValue(), tile.alertValue(), position, band, outside, side, bad,
        tile.learning(), tile.staleReason(), tile.windowStart(), tile.windowEnd(), tile.evaluatedAt(), open);
  }

  private static boolean worse(boolean higher, double value, Double threshold) {
    return threshold != null && (higher ? value < threshold : value > threshold);
  }

  private static String words(Tile t, boolean higher, String position, Boolean outside, String side, Boolean bad,
      Episode open) {
    List<String> s = new ArrayList<>();
    s.add(String.format(Locale.ROOT, "%s (%s, %s) is %s.", t.name(), t.code(), t.metricId(),
        t.status().wire().toUpperCase(Locale.ROOT)));
    if (t.value() == null) {
      s.add(t.status() == Status.UNKNOWN && t.rule() == null ? "No evaluation has arrived yet."
          : "No value was computed for the last window.");
    } else {
      s.add(String.format(Locale.ROOT, "Last window %s to %s: value %s %s (%s).", t.windowStart(), t.windowEnd(),
          number(t.value()), t.unit(), higher ? "higher is better" : "lower is better"));
    }
    if (t.rule() != null) {
      s.add("Deciding rule (alert-service): " + t.rule() + ".");
    }
    if (position != null) {
      String thresholds = (t.normValue() == null ? "" : "norm (amber) " + number(t.normValue()))
          + (t.normValue() != null && t.alertValue() != null ? ", " : "")
          + (t.alertValue() == null ? "" : "alert (red) " + number(t.alertValue()));
      s.add(switch (position) {
        case "beyond_alert" -> "The value is worse than the alert value (" + thresholds + ").";
        case "beyond_norm" -> "The value is worse than the norm but not the alert value (" + thresholds + ").";
        default -> "The value meets the owner's thresholds (" + thresholds + ").";
      });
    } else if (t.value() != null) {
      s.add("The owner has set no norm or alert value.");
    }
    if (t.band() == null) {
      s.add(t.learning() != null ? String.format(Locale.ROOT, "The band is learning history (window %d of %d).",
          t.learning().window(), t.learning().windows()) : "No anomaly band yet (warming up or disabled).");
    } else if (outside != null) {
      String range = String.format(Locale.ROOT, "expected %s, %s to %s", number(t.band().expected()),
          number(t.band().lower()), number(t.band().upper()));
      s.add(outside ? "The value is outside the band (" + range + "), " + side + " it"
          + (bad ? ", the bad side." : ", the harmless side.") : "The value is inside the band (" + range + ").");
    }
    if (t.staleReason() != null) {
      s.add("The cockpit's clock shows it stale: " + t.staleReason() + ".");
    }
    if (open != null) {
      s.add("Alert episode " + open.dedupKey() + " is " + open.state() + " since " + open.since() + " at "
          + open.status().wire() + (open.reason() == null ? "." : ": " + open.reason() + "."));
    }
    return String.join(" ", s);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4g", v);
  }
}
