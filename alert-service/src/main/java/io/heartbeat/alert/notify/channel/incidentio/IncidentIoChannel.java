package io.heartbeat.alert.notify.channel.incidentio;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.heartbeat.alert.notify.Heartbeat;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.NotificationJson;
import io.heartbeat.alert.notify.Reading;
import io.heartbeat.alert.notify.Severity;
import io.heartbeat.alert.notify.Status;
import io.heartbeat.alert.notify.SuggestedAction;
import io.heartbeat.alert.notify.channel.Channel;
import io.heartbeat.alert.notify.channel.ChannelKind;
import io.heartbeat.alert.notify.channel.ChannelRequest;
import io.heartbeat.alert.notify.channel.Clip;
import io.heartbeat.alert.notify.channel.Wording;

/**
 * incident.io HTTP alert source: one alert per episode through deduplication_key; an update re-sends it as firing
 * with the new title and description, the recovery sends it resolved. The source's bearer token goes in the
 * Authorization header. Routing, severity and escalation are decided in incident.io from the metadata, so the
 * metadata is flat and named for alert attributes to pick up.
 */
public final class IncidentIoChannel implements Channel {

  /**
   * incident.io documents no limit for the title; it is the line an alert list shows, so it stays one line and the
   * rest goes to the description.
   */
  static final int TITLE_LIMIT = 255;

  private final IncidentIoSettings settings;

  public IncidentIoChannel(IncidentIoSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.INCIDENTIO;
  }

  @Override
  public Duration timeout() {
    return settings.timeout();
  }

  @Override
  public ChannelRequest request(Notification notification, Instant attemptAt) {
    IncidentIoAlertEvent event = new IncidentIoAlertEvent(
        Clip.to(Wording.headline(notification), TITLE_LIMIT),
        Description.of(notification),
        notification.episodeKey(),
        notification.status() == Status.RESOLVED ? "resolved" : "firing",
        metadata(notification),
        notification.cockpitUrl());
    return ChannelRequest.postJson(settings.alertSourceUrl(),
        Map.of("authorization", "Bearer " + settings.token().value()), NotificationJson.bytes(event));
  }

  /**
   * Heartbeat's severity in the words of incident.io's default severities, for an alert attribute to map: a stopped
   * or red heartbeat is critical, a value that cannot be computed major, amber and anomalous minor.
   */
  static String severity(Severity severity) {
    return switch (severity) {
      case STALE, RED -> "critical";
      case ERROR -> "major";
      case AMBER, ANOMALOUS -> "minor";
    };
  }

  private static Map<String, Object> metadata(Notification notification) {
    Heartbeat heartbeat = notification.heartbeat();
    Reading reading = notification.reading();
    Map<String, Object> metadata = new LinkedHashMap<>();
    put(metadata, "episode_key", notification.episodeKey());
    put(metadata, "step", notification.step());
    put(metadata, "severity", severity(notification.severity()));
    put(metadata, "heartbeat_severity", notification.severity().wire());
    put(metadata, "heartbeat_status", notification.status().wire());
    put(metadata, "metric_id", heartbeat.metricId());
    put(metadata, "metric_code", heartbeat.code());
    put(metadata, "metric_name", heartbeat.name());
    put(metadata, "series", heartbeat.series());
    put(metadata, "team", heartbeat.owner());
    put(metadata, "stage", heartbeat.stage());
    put(metadata, "slas", heartbeat.slas());
    put(metadata, "linked_services", heartbeat.linkedServices());
    put(metadata, "unit", heartbeat.unit());
    put(metadata, "value", reading.value());
    put(metadata, "expected", reading.expected());
    put(metadata, "band_lower", reading.bandLower());
    put(metadata, "band_upper", reading.bandUpper());
    put(metadata, "norm_value", reading.normValue());
    put(metadata, "alert_value", reading.alertValue());
    put(metadata, "window_start", reading.windowStart() == null ? null : reading.windowStart().toString());
    put(metadata, "episode_started_at", notification.startedAt().toString());
    put(metadata, "runbook_url", heartbeat.runbookUrl());
    put(metadata, "cockpit_url", notification.cockpitUrl());
    if (notification.context().rollback() != null) {
      put(metadata, "rollback_state", notification.context().rollback().state().wire());
    }
    put(metadata, "suggested_rules", notification.context().suggestedActions().stream()
        .map(SuggestedAction::rule).distinct().toList());
    put(metadata, "other_failing", notification.context().otherFailing().stream()
        .map(other -> other.metricId()).toList());
    if (notification.recovery() != null) {
      put(metadata, "ended_at", notification.recovery().endedAt().toString());
      put(metadata, "duration_seconds", notification.recovery().durationSeconds());
      put(metadata, "sla_minutes", notification.recovery().slaMinutes());
    }
    return metadata;
  }

  private static void put(Map<String, Object> metadata, String key, Object value) {
    if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
      metadata.put(key, value);
    }
  }
}
