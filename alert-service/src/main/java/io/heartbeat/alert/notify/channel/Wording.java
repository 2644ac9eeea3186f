package io.heartbeat.alert.notify.channel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

import io.heartbeat.alert.notify.Deploy;
import io.heartbeat.alert.notify.DimensionDrop;
import io.heartbeat.alert.notify.FailingHeartbeat;
import io.heartbeat.alert.notify.Heartbeat;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.Reading;
import io.heartbeat.alert.notify.Recovery;
import io.heartbeat.alert.notify.Rollback;
import io.heartbeat.alert.notify.Status;
import io.heartbeat.alert.notify.SuggestedAction;

/**
 * The words every channel shows the same way: the headline, numbers with their unit, the band, durations. The
 * status is always spelled out in words ("RED", "RESOLVED"), never left to a colour or an emoji alone: a colour-
 * blind responder, a screen reader and an SMS gateway must all get it.
 */
public final class Wording {

  private static final MathContext SIGNIFICANT = new MathContext(6);

  private Wording() {
  }

  /** "RESOLVED" once resolved, else the severity: "RED", "AMBER", "ANOMALOUS", "STALE", "ERROR". */
  public static String label(Notification notification) {
    return notification.status() == Status.RESOLVED ? "RESOLVED"
        : notification.severity().wire().toUpperCase(Locale.ROOT);
  }

  /** "APRC Messages created" or "APRC Messages created (customer=acme)": the series, as people name it. */
  public static String subject(Heartbeat heartbeat) {
    String subject = heartbeat.code() + " " + heartbeat.name();
    return heartbeat.dimension() == null ? subject : subject + " (" + heartbeat.series() + ")";
  }

  /**
   * "[RED] APRC Messages created: 12 against 120 expected", and on a resolve the recovery after the summary:
   * "[RESOLVED] APRC Messages created: … Recovered after 42 min, 12 SLA minutes." The one-line title of every page.
   */
  public static String headline(Notification notification) {
    String line = "[" + label(notification) + "] " + subject(notification.heartbeat()) + ": " + notification.summary();
    return notification.recovery() == null ? line : line + " " + recovery(notification.recovery());
  }

  /** "Recovered after 42 min, 12 SLA minutes." */
  public static String recovery(Recovery recovery) {
    return "Recovered after " + duration(recovery.durationSeconds()) + ", " + number(recovery.slaMinutes())
        + " SLA minutes.";
  }

  /** A number with at most six significant digits and its unit: "12.5 msg/min"; "n/a" when unknown. */
  public static String number(Double value, String unit) {
    if (value == null) {
      return "n/a";
    }
    return unit == null || unit.isBlank() ? number(value) : number(value) + " " + unit;
  }

  public static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
  }

  /** "100 – 140 msg/min", or null without a band. */
  public static String band(Reading reading, String unit) {
    if (!reading.hasBand()) {
      return null;
    }
    return number(reading.bandLower()) + " – " + number(reading.bandUpper(), unit);
  }

  /** "45 s", "42 min", "3 h 05 min", "2 d 03 h": as long as it needs to be, no longer. */
  public static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return String.format(Locale.ROOT, "%d h %02d min", hours, minutes % 60);
    }
    return String.format(Locale.ROOT, "%d d %02d h", hours / 24, hours % 24);
  }

  /** "Roll back checkout 1.42 — deployed 4 min before the drop (rule recent_deploy)". */
  public static String action(SuggestedAction action) {
    String why = action.why() == null || action.why().isBlank() ? "" : " — " + action.why();
    return action.text() + why + " (rule " + action.rule() + ")";
  }

  /** "checkout 1.42 to prod, finished 2026-05-04T10:02:00Z by ana, commit 3f2a9c1". */
  public static String deploy(Deploy deploy) {
    StringBuilder line = new StringBuilder(deploy.service()).append(' ').append(deploy.version());
    if (deploy.environment() != null) {
      line.append(" to ").append(deploy.environment());
    }
    if (deploy.finishedAt() != null) {
      line.append(", finished ").append(deploy.finishedAt());
    }
    if (deploy.author() != null) {
      line.append(" by ").append(deploy.author());
    }
    if (deploy.commit() != null) {
      line.append(", commit ").append(deploy.commit());
    }
    return line.toString();
  }

  /** "Rollback STARTED: checkout 1.42", "Rollback SKIPPED: no deploy within 30 min before the drop". */
  public static String rollback(Rollback rollback) {
    StringBuilder line = new StringBuilder("Rollback ").append(rollback.state().wire().toUpperCase(Locale.ROOT));
    String target = rollback.service() == null ? null
        : rollback.version() == null ? rollback.service() : rollback.service() + " " + rollback.version();
    if (target != null) {
      line.append(": ").append(target);
    }
    if (rollback.detail() != null && !rollback.detail().isBlank()) {
      line.append(target == null ? ": " : " — ").append(rollback.detail());
    }
    return line.toString();
  }

  /** "RED CHKO Checkouts attempted, since 2026-05-04T10:05:00Z". */
  public static String failing(FailingHeartbeat other) {
    String name = other.code() == null ? other.metricId()
        : other.code() + " " + (other.name() == null ? "" : other.name());
    String since = other.since() == null ? "" : ", since " + other.since();
    return other.severity().wire().toUpperCase(Locale.ROOT) + " " + name.strip() + since;
  }

  /** "customer=acme: 3 msg/min against 40 expected (-92.5%)". */
  public static String drop(DimensionDrop drop, String unit) {
    String change = drop.changePercent() == null ? "" : " (" + number(drop.changePercent()) + "%)";
    return drop.dimension().kind() + "=" + drop.dimension().value() + ": " + number(drop.value(), unit)
        + " against " + number(drop.expected(), null) + " expected" + change;
  }
}
