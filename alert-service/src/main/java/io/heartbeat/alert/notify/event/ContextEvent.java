package io.heartbeat.alert.notify.event;

import java.time.Instant;

import io.heartbeat.alert.model.AlertEvent;
import io.heartbeat.alert.model.EventId;
import io.heartbeat.alert.model.SeriesKey;
import io.heartbeat.alert.notify.Notification;
import io.heartbeat.alert.notify.ResponderContext;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * kind context: an episode step (firing, escalated:&lt;severity&gt;, resolved) stored with the responder context its
 * pages carry, the same record GET /api/alerts/{key} shows (no rollback URL: Deploy has none).
 * id = sha256(dedupKey|context|step).
 *
 * @param series "*" for the metric total, "kind=value" for a slice
 */
@RegisterForReflection
public record ContextEvent(int schemaVersion, String id, String kind, String dedupKey, String metricId,
    String series, String step, ResponderContext context, Instant occurredAt) implements NotificationEvent {

  public static final String KIND = "context";

  /** The context of step as told is the one its pages carry (Outbox builds both from the same notification). */
  public static ContextEvent of(AlertEvent step, Notification told) {
    return new ContextEvent(SCHEMA_VERSION, EventId.of(step.dedupKey(), KIND, told.step()), KIND, step.dedupKey(),
        step.metricId(), SeriesKey.of(step.metricId(), step.dimension()).series(), told.step(), told.context(),
        step.occurredAt());
  }
}
