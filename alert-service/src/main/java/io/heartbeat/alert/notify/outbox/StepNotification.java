package io.heartbeat.alert.notify.outbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.heartbeat.alert.model.AlertEvent;
import io.heartbeat.alert.model.Evidence;
import io.heartbeat.alert.notify.Heartbeat;
import io.heartbeat.alert.notify.Link;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.Reading;
import io.heartbeat.alert.notify.Recovery;
import io.heartbeat.alert.notify.ResponderContext;
import io.heartbeat.alert.notify.Severity;
import io.heartbeat.alert.notify.Status;

/**
 * Tells one published episode step (alert.v1) as a notification. firing is the trigger; escalated (amber to red)
 * is an update under the same episode key, so the open incident changes instead of a second one opening; resolved
 * carries the recovery. The responder context is gathered by the caller (notify.context) and passed in. Pure.
 */
final class StepNotification {

  private StepNotification() {
  }

  /** recovery is null except for a resolved step. */
  static Notification of(AlertEvent step, MetricFacts facts, Recovery recovery, String cockpitUrl,
      ResponderContext context) {
    Status status = status(step.type());
    // A resolve names the episode's worst severity (previousStatus is the peak), so it says what recovered.
    Severity severity = Severity.fromWire(status == Status.RESOLVED ? step.previousStatus() : step.status());
    Evidence evidence = step.evidence();
    Heartbeat heartbeat = new Heartbeat(step.metricId(), facts.name(), facts.code(), facts.unit(), facts.direction(),
        facts.howToRead(), facts.runbook(), facts.owner(), step.stage(), facts.slas(), facts.linkedServices(),
        step.dimension());
    String cockpit = cockpitLink(cockpitUrl, step.metricId());
    List<Link> links = new ArrayList<>();
    links.add(new Link(cockpit, "Open in the cockpit"));
    if (facts.runbook() != null && facts.runbook().matches("https?://.+")) {
      links.add(new Link(facts.runbook(), "Runbook"));
    }
    return new Notification(step.dedupKey(), step(step), status, severity, heartbeat, step.reason(),
        reading(evidence), cockpit, links, List.of(), context, step.episodeStart(), step.occurredAt(),
        status == Status.RESOLVED ? recovery : null);
  }

  /** The metric's page in the cockpit: {cockpit-url}/#{metricId}. */
  static String cockpitLink(String cockpitUrl, String metricId) {
    return cockpitBase(cockpitUrl) + "/#" + URLEncoder.encode(metricId, StandardCharsets.UTF_8);
  }

  static String cockpitBase(String cockpitUrl) {
    return cockpitUrl.replaceAll("/+$", "");
  }

  /** "firing", "escalated:red", "resolved": an episode escalates to each severity at most once (its peak rises). */
  static String step(AlertEvent step) {
    return step.type().equals("escalated") ? "escalated:" + step.status() : step.type();
  }

  static Status status(String type) {
    return switch (type) {
      case "firing" -> Status.FIRING;
      case "escalated" -> Status.UPDATED;
      case "resolved" -> Status.RESOLVED;
      default -> throw new IllegalArgumentException("unknown alert step " + type);
    };
  }

  /** When the episode ended (the end of the window that resolved it) and how long it lasted. */
  static Recovery recovery(AlertEvent step, double slaMinutes) {
    Instant ended = step.evidence() == null || step.evidence().windowEnd() == null ? step.occurredAt()
        : step.evidence().windowEnd();
    long seconds = Math.max(0, Duration.between(step.episodeStart(), ended).toSeconds());
    return new Recovery(ended, seconds, Math.max(0, slaMinutes));
  }

  static Reading reading(Evidence evidence) {
    if (evidence == null) {
      return Reading.NONE;
    }
    var band = evidence.band();
    var thresholds = evidence.thresholds();
    return new Reading(evidence.value(), band == null ? null : band.expected(), band == null ? null : band.lower(),
        band == null ? null : band.upper(), thresholds == null ? null : thresholds.normValue(),
        thresholds == null ? null : thresholds.alertValue(), evidence.windowStart(), evidence.windowEnd());
  }
}
