package io.heartbeat.alert.notify.channel.pagerduty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.heartbeat.alert.notify.Heartbeat;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.NotificationJson;
import io.heartbeat.alert.notify.Reading;
import io.heartbeat.alert.notify.ResponderContext;
import io.heartbeat.alert.notify.Severity;
import io.heartbeat.alert.notify.Status;
import io.heartbeat.alert.notify.channel.Channel;
import io.heartbeat.alert.notify.channel.ChannelKind;
import io.heartbeat.alert.notify.channel.ChannelRequest;
import io.heartbeat.alert.notify.channel.Clip;
import io.heartbeat.alert.notify.channel.Wording;

/**
 * PagerDuty Events API v2: a trigger when the episode fires, the same trigger again under the same dedup_key when
 * it changes (PagerDuty folds it into the open alert instead of opening another), and a resolve on recovery.
 * Heartbeat never acknowledges: acknowledging is the responder's word that someone is on it.
 */
public final class PagerDutyChannel implements Channel {

  /** PagerDuty's limit for payload.summary. */
  static final int SUMMARY_LIMIT = 1024;

  private final PagerDutySettings settings;

  public PagerDutyChannel(PagerDutySettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public ChannelKind kind() {
    return ChannelKind.PAGERDUTY;
  }

  @Override
  public Duration timeout() {
    return settings.timeout();
  }

  @Override
  public ChannelRequest request(Notification notification, Instant attemptAt) {
    // The routing key travels in the body, so no header carries a credential.
    return ChannelRequest.postJson(settings.endpoint(), Map.of(), NotificationJson.bytes(event(notification)));
  }

  /** Heartbeat's severity on PagerDuty's scale: a stopped heartbeat is as urgent as a red one. */
  static String severity(Severity severity) {
    return switch (severity) {
      case STALE, RED -> "critical";
      case ERROR -> "error";
      case AMBER, ANOMALOUS -> "warning";
    };
  }

  static String action(Status status) {
    return status == Status.RESOLVED ? "resolve" : "trigger";
  }

  private PagerDutyEvent event(Notification notification) {
    Heartbeat heartbeat = notification.heartbeat();
    // A resolve needs only the key, but carries the full payload too: PagerDuty's event rules route on payload
    // fields, so a resolve without them can miss the service its trigger reached (alertmanager sends it for the same
    // reason), and the alert's log then says how long it was down.
    PagerDutyEvent.Payload payload = new PagerDutyEvent.Payload(
        Clip.to(Wording.headline(notification), SUMMARY_LIMIT),
        heartbeat.metricId(),
        severity(notification.severity()),
        notification.occurredAt(),
        heartbeat.series(),
        heartbeat.owner() != null ? heartbeat.owner() : heartbeat.slas().isEmpty() ? null : heartbeat.slas().get(0),
        notification.severity().wire(),
        details(notification));
    return new PagerDutyEvent(settings.routingKey().value(), action(notification.status()),
        notification.episodeKey(), payload, "Heartbeat", notification.cockpitUrl(), links(notification),
        notification.images().isEmpty() ? null : notification.images().stream()
            .map(image -> new PagerDutyEvent.Image(image.src(), image.href(), image.alt())).toList());
  }

  private static List<PagerDutyEvent.Link> links(Notification notification) {
    List<PagerDutyEvent.Link> links = new ArrayList<>();
    if (notification.cockpitUrl() != null) {
      links.add(new PagerDutyEvent.Link(notification.cockpitUrl(), "Open " + notification.heartbeat().code()
          + " in the cockpit"));
    }
    if (notification.heartbeat().runbookUrl() != null) {
      links.add(new PagerDutyEvent.Link(notification.heartbeat().runbookUrl(), "Runbook"));
    }
    notification.links().forEach(link -> links.add(new PagerDutyEvent.Link(link.href(), link.text())));
    return links.isEmpty() ? null : links;
  }

  /** The facts a responder reads first, as PagerDuty shows custom_details: one line per key, in this order. */
  private static Map<String, Object> details(Notification notification) {
    Heartbeat heartbeat = notification.heartbeat();
    Reading reading = notification.reading();
    ResponderContext context = notification.context();
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "status", Wording.label(notification));
    put(details, "metric", heartbeat.code() + " " + heartbeat.name());
    put(details, "metric_id", heartbeat.metricId());
    put(details, "series", heartbeat.series());
    put(details, "value", Wording.number(reading.value(), heartbeat.unit()));
    put(details, "expected", reading.expected() == null ? null : Wording.number(reading.expected(), heartbeat.unit()));
    put(details, "band", Wording.band(reading, heartbeat.unit()));
    put(details, "norm_value", reading.normValue() == null ? null
        : Wording.number(reading.normValue(), heartbeat.unit()));
    put(details, "alert_value", reading.alertValue() == null ? null
        : Wording.number(reading.alertValue(), heartbeat.unit()));
    put(details, "window", reading.windowStart() == null ? null : reading.windowStart() + " – " + reading.windowEnd());
    put(details, "how_to_read", heartbeat.howToRead());
    put(details, "runbook", heartbeat.runbookUrl());
    put(details, "suggested_actions", context.suggestedActions().stream().map(Wording::action).toList());
    put(details, "rollback", context.rollback() == null ? null : Wording.rollback(context.rollback()));
    put(details, "recent_deploys", context.recentDeploys().stream().map(Wording::deploy).toList());
    put(details, "other_failing", context.otherFailing().stream().map(Wording::failing).toList());
    put(details, "top_dimensions", context.topDimensions().stream()
        .map(drop -> Wording.drop(drop, heartbeat.unit())).toList());
    put(details, "owner", heartbeat.owner());
    put(details, "slas", heartbeat.slas().isEmpty() ? null : String.join(", ", heartbeat.slas()));
    put(details, "episode_started_at", notification.startedAt().toString());
    if (notification.recovery() != null) {
      put(details, "ended_at", notification.recovery().endedAt().toString());
      put(details, "duration", Wording.duration(notification.recovery().durationSeconds()));
      put(details, "sla_minutes", notification.recovery().slaMinutes());
    }
    put(details, "step", notification.step());
    return details;
  }

  private static void put(Map<String, Object> details, String key, Object value) {
    if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
      details.put(key, value);
    }
  }
}
