package io.heartbeat.alert.notify;

import java.time.Instant;
import java.util.List;

import io.heartbeat.alert.model.Dimension;
import io.heartbeat.alert.model.EventId;

/** Notifications as the wiring will fill them: one episode of a messaging heartbeat, firing, updated, resolved. */
public final class Notifications {

  public static final String EPISODE_KEY = EventId.of("messages_created", "*", "2026-05-04T10:00:00Z");
  public static final Instant STARTED = Instant.parse("2026-05-04T10:00:00Z");
  public static final Instant FIRED = Instant.parse("2026-05-04T10:15:10Z");

  private Notifications() {
  }

  public static Heartbeat heartbeat() {
    return new Heartbeat("messages_created", "Messages created", "MSGC", "msg/min", "higher_is_better",
        "Messages teammates create each minute; a drop means customers cannot send.",
        "https://runbooks.example.com/messages-created", "messaging", "paging", List.of("core-platform"),
        List.of("message-api", "inbox-web"), null);
  }

  public static Reading reading() {
    return new Reading(12.0, 120.5, 100.0, 140.0, 90.0, 60.0, Instant.parse("2026-05-04T10:10:00Z"),
        Instant.parse("2026-05-04T10:15:00Z"));
  }

  public static ResponderContext context(RollbackState rollback) {
    return new ResponderContext(
        List.of(new SuggestedAction("recent_deploy", "Roll back message-api 1.42",
            "message-api 1.42 finished 4 min before the drop"),
            new SuggestedAction("shared_dependency", "Check the primary database",
                "3 heartbeats dropped within 2 windows")),
        List.of(new Deploy("message-api", "1.42", "prod", Instant.parse("2026-05-04T09:56:00Z"), "3f2a9c1", "ana")),
        new Rollback(rollback, rollback == RollbackState.STARTED ? "webhook called" : "deploy tool answered 200",
            "message-api", "1.42"),
        List.of(new FailingHeartbeat("checkouts_attempted", "Checkouts attempted", "CHKA", Severity.RED,
            Instant.parse("2026-05-04T10:05:00Z"), "https://cockpit.example.com/metrics/checkouts_attempted")),
        List.of(new DimensionDrop(new Dimension("region", "eu-west"), 2.0, 40.0, -95.0),
            new DimensionDrop(new Dimension("customer", "acme"), 1.0, 9.0, -88.9)));
  }

  public static Notification firing() {
    return new Notification(EPISODE_KEY, "firing", Status.FIRING, Severity.RED, heartbeat(),
        "12 msg/min against 120.5 expected, below alert_value 60 for 3 windows", reading(),
        "https://cockpit.example.com/metrics/messages_created?from=2026-05-04T09:00:00Z",
        List.of(new Link("https://logs.example.com/search?q=message-api", "Logs of message-api")),
        List.of(new Image("https://charts.example.com/messages_created.png", null, "messages created with band")),
        context(RollbackState.STARTED), STARTED, FIRED, null);
  }

  public static Notification updated() {
    Notification firing = firing();
    return new Notification(EPISODE_KEY, "rollback:succeeded", Status.UPDATED, Severity.RED, firing.heartbeat(),
        "rollback of message-api 1.42 succeeded; still red", firing.reading(), firing.cockpitUrl(), firing.links(),
        firing.images(), context(RollbackState.SUCCEEDED), STARTED, FIRED.plusSeconds(90), null);
  }

  public static Notification resolved() {
    Notification firing = firing();
    Instant ended = Instant.parse("2026-05-04T10:42:00Z");
    return new Notification(EPISODE_KEY, "resolved", Status.RESOLVED, Severity.RED, firing.heartbeat(),
        "back above 100 msg/min for 3 windows", firing.reading(), firing.cockpitUrl(), firing.links(),
        firing.images(), context(RollbackState.SUCCEEDED), STARTED, ended.plusSeconds(10),
        new Recovery(ended, 2520, 27.5));
  }

  public static Notification withSummary(Notification n, String summary) {
    return new Notification(n.episodeKey(), n.step(), n.status(), n.severity(), n.heartbeat(), summary, n.reading(),
        n.cockpitUrl(), n.links(), n.images(), n.context(), n.startedAt(), n.occurredAt(), n.recovery());
  }

  public static Notification withSeverity(Notification n, Severity severity) {
    return new Notification(n.episodeKey(), n.step(), n.status(), severity, n.heartbeat(), n.summary(), n.reading(),
        n.cockpitUrl(), n.links(), n.images(), n.context(), n.startedAt(), n.occurredAt(), n.recovery());
  }

  public static Notification withHeartbeat(Notification n, Heartbeat heartbeat) {
    return new Notification(n.episodeKey(), n.step(), n.status(), n.severity(), heartbeat, n.summary(), n.reading(),
        n.cockpitUrl(), n.links(), n.images(), n.context(), n.startedAt(), n.occurredAt(), n.recovery());
  }

  public static Notification withMedia(Notification n, List<Link> links, List<Image> images) {
    return new Notification(n.episodeKey(), n.step(), n.status(), n.severity(), n.heartbeat(), n.summary(),
        n.reading(), n.cockpitUrl(), links, images, n.context(), n.startedAt(), n.occurredAt(), n.recovery());
  }

  public static Notification withContext(Notification n, ResponderContext context) {
    return new Notification(n.episodeKey(), n.step(), n.status(), n.severity(), n.heartbeat(), n.summary(),
        n.reading(), n.cockpitUrl(), n.links(), n.images(), context, n.startedAt(), n.occurredAt(), n.recovery());
  }

  /** A stale heartbeat: no value, no band, and a slice of the metric rather than its total. */
  public static Notification stale() {
    Heartbeat h = heartbeat();
    Heartbeat slice = new Heartbeat(h.metricId(), h.name(), h.code(), h.unit(), h.direction(), null, null, null,
        "verified", List.of(), List.of(), new Dimension("customer", "acme"));
    return new Notification(EventId.of("messages_created", "customer=acme", "2026-05-04T10:00:00Z"), "firing",
        Status.FIRING, Severity.STALE, slice, "no observation for 2 periods", null, null, null, null, null,
        STARTED, FIRED, null);
  }
}
